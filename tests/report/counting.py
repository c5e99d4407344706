"""A wrapper around the real spaCy pipeline that notes every text it parses (the parse-count
tests of this folder use it)."""

from __future__ import annotations

from typing import Any


class CountingNLP:
    """The real spaCy pipeline, noting every text it parses."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.meta = nlp.meta
        self.parsed: list[str] = []

    def __call__(self, text: str, **kwargs: Any) -> Any:
        self.parsed.append(text)
        return self.nlp(text, **kwargs)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        self.parsed += texts
        return self.nlp.pipe(texts, **kwargs)
