"""Claim units computed once, when an article is annotated, and read back by every report.

The ``claim_units`` stage (:mod:`storyweave.pipeline.claims`) cuts each article's units from
its parse (:func:`.units.claim_units`) and embeds their texts, and the counted nouns of their
figures, with the story embedder; the store keeps them beside the parse
(:mod:`storyweave.storage.units`). :func:`storyweave.claims.find_claims` then takes an
article's units from :attr:`AnnotatedArticle.claim_units` when they were cut by this code
from a parse by this model (:func:`units_of`), and its embedder's vectors from the stored
ones (:func:`with_stored_vectors`), so a report neither cuts nor embeds them again. A MiniLM
vector depends on its text only (not on the batch it was embedded in), so the claims are
the same either way.

DOCS: docs/decisions/claim-units-at-ingest.md
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from storyweave._types import ArticleId
from storyweave.model import AnnotatedArticle, Span
from storyweave.nlp import models
from storyweave.storage.units import StoredUnits

from .align import Embed
from .lexicon import MEASURES
from .numbers import written_noun
from .slots import read_slots
from .units import UNITS_VERSION, Unit, claim_units

log = logging.getLogger(__name__)

FIXED_UNITS = MEASURES | {"person", ""}
"""Counted nouns that are never merged with others (``find.same_things``), so never embedded."""


@dataclass(frozen=True, slots=True)
class ClaimUnits:
    """An article's claim units, and the vectors of the texts embedded for them (the units'
    texts, then their figures' counted nouns; each text once)."""

    version: str
    units: tuple[Unit, ...]
    texts: tuple[str, ...] = ()
    vectors: np.ndarray | None = None
    embedder: str | None = None


def units_version() -> str:
    """The tag of units cut now: this code's :data:`UNITS_VERSION` and the parse model's tag
    (units name tokens of the parse)."""
    return f"{UNITS_VERSION}/{models.parse_model()}"


def compute_units(items: Sequence[AnnotatedArticle], embedder: Any = None) -> list[ClaimUnits]:
    """The :class:`ClaimUnits` of each item (each needs its ``doc``); with ``embedder`` (an
    :class:`storyweave.stories.Embedder`), every article's texts are embedded in one call."""
    version = units_version()
    cut: list[tuple[tuple[Unit, ...], tuple[str, ...]]] = []
    for item in items:
        units = tuple(claim_units(item, item.doc))
        texts: list[str] = [u.text for u in units] + quantity_nouns(item, item.doc, units)
        cut.append((units, tuple(dict.fromkeys(texts))))  # each text once
    if embedder is None:
        return [ClaimUnits(version, units, embedded) for units, embedded in cut]
    every = [t for _, embedded in cut for t in embedded]
    vectors = np.asarray(embedder.embed(every), dtype=np.float32) if every else None
    out: list[ClaimUnits] = []
    at = 0
    for units, embedded in cut:
        rows = vectors[at : at + len(embedded)] if vectors is not None else None
        out.append(ClaimUnits(version, units, embedded, rows, str(embedder.model_id)))
        at += len(embedded)
    return out


def quantity_nouns(item: AnnotatedArticle, doc: Any, units: Sequence[Unit]) -> list[str]:
    """The counted nouns of the units' figures that ``find.same_things`` may compare ("homes",
    "houses"). A unit's figures do not depend on entity linking, so they are read here, at
    ingest, without it."""
    quantities = [q for u in units for q in read_slots(item, doc, u, ()).quantities]
    nouns = {q.unit for q in quantities} - FIXED_UNITS
    written = {w for q in quantities if q.unit in nouns and (w := written_noun(q)) is not None}
    return sorted(nouns | written)


def units_of(item: AnnotatedArticle, doc: Any) -> list[Unit]:
    """The article's claim units: the stored ones when this code cut them from a parse by this
    model (its tokens are ``doc``'s), else cut from ``doc`` now."""
    stored = item.claim_units
    if isinstance(stored, ClaimUnits) and stored.version == units_version():
        return list(stored.units)
    return claim_units(item, doc)


def with_stored_vectors(embed: Embed | None, items: Sequence[AnnotatedArticle]) -> Embed | None:
    """``embed``, answering from the items' stored vectors for the texts they hold, when those
    were made by the same model (``embed`` is the ``embed`` method of an embedder whose
    ``model_id`` they carry); it embeds only the other texts."""
    if embed is None:
        return None
    model = getattr(getattr(embed, "__self__", None), "model_id", None)
    known: dict[str, np.ndarray] = {}
    for item in items:
        cu = item.claim_units
        if isinstance(cu, ClaimUnits) and cu.vectors is not None and model and cu.embedder == model:
            known.update(zip(cu.texts, cu.vectors, strict=True))
    if not known:
        return embed
    real = embed
    width = len(next(iter(known.values())))

    def lookup(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, np.asarray(real(missing), dtype=np.float32), strict=True))
        if not texts:
            return np.zeros((0, width), dtype=np.float32)
        return np.stack([known[t] for t in texts])

    return lookup


def encode_units(cu: ClaimUnits | None) -> StoredUnits | None:
    """What the store keeps of ``cu``: the units and texts as JSON, the vectors as bytes."""
    if not isinstance(cu, ClaimUnits):
        return None
    data = {"units": [_unit_json(u) for u in cu.units], "texts": list(cu.texts)}
    vectors = None if cu.vectors is None else np.ascontiguousarray(cu.vectors, "<f4").tobytes()
    return StoredUnits(cu.version, cu.embedder, json.dumps(data, ensure_ascii=False), vectors)


def decode_units(aid: ArticleId, stored: StoredUnits) -> ClaimUnits | None:
    """The :class:`ClaimUnits` that :func:`encode_units` wrote; None (logged) when unreadable."""
    try:
        data = json.loads(stored.units)
        units = tuple(_unit_of(aid, u) for u in data["units"])
        texts = tuple(str(t) for t in data["texts"])
        vectors = None
        if stored.vectors is not None and texts:  # no text, no rows (nothing to reshape)
            vectors = np.frombuffer(stored.vectors, dtype="<f4").reshape(len(texts), -1)
    except (ValueError, KeyError, TypeError) as e:
        log.warning("stored claim units of %s are unreadable (%s): cut again", aid, e)
        return None
    embedder = stored.embedder if vectors is not None else None
    return ClaimUnits(stored.version, units, texts, vectors, embedder)


def attach_units(
    items: Sequence[AnnotatedArticle], stored: Mapping[ArticleId, StoredUnits]
) -> list[AnnotatedArticle]:
    """``items``, each without units given its stored ones where they read back."""
    out: list[AnnotatedArticle] = []
    for item in items:
        found = stored.get(item.article.id) if item.claim_units is None else None
        cu = decode_units(item.article.id, found) if found is not None else None
        out.append(dataclasses.replace(item, claim_units=cu) if cu is not None else item)
    return out


def _unit_json(u: Unit) -> dict[str, Any]:
    return {
        "sentence": u.sentence, "span": [u.span.start, u.span.end], "text": u.text,
        "tokens": list(u.tokens), "head": u.head, "subject": list(u.subject),
        "chain": list(u.chain), "speaker": u.speaker, "kind": u.kind, "cue": u.cue,
        "speaker_type": u.speaker_type,
    }  # fmt: skip


def _unit_of(aid: ArticleId, d: dict[str, Any]) -> Unit:
    return Unit(
        article=aid, sentence=int(d["sentence"]), span=Span(int(d["span"][0]), int(d["span"][1])),
        text=str(d["text"]), tokens=tuple(int(i) for i in d["tokens"]), head=int(d["head"]),
        subject=tuple(int(i) for i in d["subject"]), chain=tuple(str(c) for c in d["chain"]),
        speaker=d["speaker"], kind=d["kind"], cue=d["cue"], speaker_type=d["speaker_type"],
    )  # fmt: skip
