"""What story clustering looks at in one article: its lead's embedding, entities, date.

* ``vector``: the embedding of the headline and the first lead sentences of the
  body (the part of a news article that says what happened).
* ``entities``: entity keys with their mention counts. A key is the lower-cased
  surface form without a leading "the" or a trailing possessive; a person is
  keyed by surname, so "Tara Reid" and "Reid" agree.
* ``terms``: content-word counts of the whole body (the TF-IDF view of the article).
* ``date``: the publication date, else the first fully specified absolute date
  among the article's time expressions (a dateline), else ``None``. Clustering
  treats a missing date as "no time evidence", never as a mismatch.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyweave._types import ArticleId
from storyweave.entities.names import fold, name_runs, romanize
from storyweave.entities.sources import news_source_name
from storyweave.foreign.lexicon import calendar_run, calendar_words
from storyweave.model import AnnotatedArticle, Mention, Timex
from storyweave.nlp.languages import analysed, primary

from .embed import Embedder, Vectors

LEAD_SEGMENTS = 3
"""Headline plus lead sentences embedded together (3 was best on ECB+ train; 1: -0.11 F1)."""
LEAD_MAX_CHARS = 700
LEAD_WEIGHT = 2
"""Entities named in the lead (the sentences embedded) count this many times: a news lead
says who and where, later paragraphs add background or, in a round-up, other news (ECB+
folds: neutral, 0.903 vs 0.904; weighting the lead's terms too cost 0.02 F1 on train)."""
# numeric and temporal labels say nothing about which event an article reports
_SKIPPED_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME", "DATE"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z][a-z0-9'’-]+")
_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*")
"""A word in any alphabet (Cyrillic, Vietnamese syllables): what other languages' terms are."""
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# a fallback splitter, used only when the article has no "sentences" layer
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")


@dataclass(frozen=True, slots=True, eq=False)
class StoryFeatures:
    """The clustering view of one article. ``vector`` is a unit float32 row."""

    article_id: ArticleId
    vector: Vectors
    entities: tuple[tuple[str, int], ...]
    date: dt.date | None
    headline: str
    terms: tuple[tuple[str, int], ...] = ()
    words: int | None = None
    """Content words in the body: how much text the evidence rests on (``None``: unknown)."""
    language: str | None = None
    """The article's language (``None``: English)."""
    lead: str = ""
    """Headline and lead as one string (:func:`lead_text`), what the embeddings read."""

    def entity_counts(self) -> dict[str, int]:
        return dict(self.entities)


def lead_segments(item: AnnotatedArticle, *, segments: int = LEAD_SEGMENTS) -> list[str]:
    """The headline (if any) then the body's first sentences, ``segments`` pieces in all."""
    article = item.article
    out: list[str] = []
    if article.title and article.title.strip():
        out.append(_SPACES.sub(" ", article.title.strip()))
    for start, end in _body_pieces(item):
        if len(out) >= segments:
            break
        out.append(_SPACES.sub(" ", article.body[start:end]).strip())
    return out


def _body_pieces(item: AnnotatedArticle) -> list[tuple[int, int]]:
    """Spans of the body's sentences that hold more than white space: the "sentences" layer,
    else each line split after sentence-final punctuation."""
    body = item.article.body
    if item.sentences:
        spans = [(s.span.start, s.span.end) for s in item.sentences if s.span.end <= len(body)]
    else:
        spans, offset = [], 0
        for line in body.splitlines(keepends=True):
            content = (line.splitlines() or [""])[0]
            start = 0
            for match in _SENTENCE_END.finditer(content):
                spans.append((offset + start, offset + match.start()))
                start = match.end()
            spans.append((offset + start, offset + len(content)))
            offset += len(line)
    return [(a, b) for a, b in spans if body[a:b].strip()]


def lead_text(item: AnnotatedArticle, *, segments: int = LEAD_SEGMENTS) -> str:
    """Headline and lead as one string, cut to :data:`LEAD_MAX_CHARS`."""
    return " ".join(lead_segments(item, segments=segments))[:LEAD_MAX_CHARS]


def headline(item: AnnotatedArticle) -> str:
    """The article's own title, or "" when it has none: a story is never titled by a first
    sentence ("Well, here's something that we all knew would happen eventually.")."""
    return _SPACES.sub(" ", (item.article.title or "").strip())[:200]


def entity_key(surface: str, label: str) -> str | None:
    """The clustering key of one mention, or ``None`` when the label is not an entity: folded
    ("Kraków" and "Krakow", "Erciş" and "Ercis" are one key)."""
    if label in _SKIPPED_LABELS:
        return None
    key = fold(_POSSESSIVE.sub("", _LEADING_THE.sub("", _SPACES.sub(" ", surface.strip()))))
    if label == "PERSON" and " " in key:
        key = key.rsplit(" ", 1)[1]
    return key or None


def entity_counts(
    text: str, mentions: Sequence[Mention], *, limit: int | None = None
) -> Counter[str]:
    """Entity keys and their counts among ``mentions`` (those ending before ``limit``)."""
    counts: Counter[str] = Counter()
    for ment in mentions:
        if limit is not None and ment.span.end > limit:
            continue
        key = entity_key(ment.span.text_in(text), ment.label)
        if key is not None:
            counts[key] += 1
    return counts


def name_counts(item: AnnotatedArticle, *, limit: int) -> Counter[str]:
    """Entity keys of an article no NER reads (issue 20): runs of capitalised words, keyed as
    :func:`entity_key` keys names ("Airbus", "Tom Enders" -> also "enders"), so "Boeing" in a
    Spanish report meets "Boeing" in an English one. A capitalised word that starts a sentence
    counts only when it also stands capitalised inside one ("Tenemos ..." does not). The keys
    feed story scoring only; they are shown nowhere as entities."""
    starts = [s.span.start for s in item.sentences]
    own = item.article.own_start  # a dateline or byline before it credits the copy
    counts: Counter[str] = Counter()
    body = item.article.body
    calendar = calendar_words(item.article_language)
    for run in name_runs(body[:limit], [own, *starts]):
        if run[0][0] < own:
            continue
        if calendar_run(body, run[0][0], " ".join(w for _, w in run), item.article_language):
            continue  # "Martes", "thứ Ba": a day, not a name
        words = [w for _, w in run if fold(w) not in calendar]  # "Lunes Ruiz" -> "Ruiz"
        if news_source_name(" ".join(words)) is not None:
            continue  # "EFE", "Reuters" in the text: who carried it, not who is in it
        counts[fold(romanize(" ".join(words)))] += 1
        if len(words) > 1:
            counts[fold(romanize(words[-1]))] += 1  # as a person is keyed, by the last name
    return counts


def term_counts(text: str, language: str | None = None) -> Counter[str]:
    """Content words of ``text`` (lower-cased, no stop words of its language, three letters or
    more): a Spanish report's "para", "los", "que" would otherwise make any two Spanish
    reports alike."""
    lang = primary(language or "en")
    stop = _stop_words(lang)
    pattern = _WORD if analysed(lang) else _ANY_WORD
    return Counter(w for w in pattern.findall(text.lower()) if len(w) > 2 and w not in stop)


@functools.lru_cache(maxsize=16)
def _stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list of ``language`` (English's when it has none), with the English
    reporting words."""
    import importlib

    from spacy.lang.en.stop_words import STOP_WORDS

    try:
        words = importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
    except (ImportError, AttributeError):
        words = STOP_WORDS
    return frozenset(STOP_WORDS) | frozenset(words) | {"said", "says", "told", "according"}


def article_date(item: AnnotatedArticle) -> dt.date | None:
    """Publication date, else the first absolute day-precise time expression."""
    if item.article.published is not None:
        return item.article.published
    for timex in sorted(item.timexes, key=_timex_start):
        if timex.type != "DATE" or timex.anchor is not None or not timex.anchored:
            continue
        match = _DAY_VALUE.match(timex.value)
        if match is None:
            continue
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def _timex_start(timex: Timex) -> int:
    return timex.span.start


def extract_features(items: Sequence[AnnotatedArticle], embedder: Embedder) -> list[StoryFeatures]:
    """Features of each article in ``items``; the leads are embedded in one batch."""
    leads = [lead_text(item) for item in items]
    vectors = embedder.embed(leads)
    out: list[StoryFeatures] = []
    for item, vector, text in zip(items, vectors, leads, strict=True):
        article = item.article
        body = article.body
        lead_end = _lead_end(item)
        if analysed(item.article_language):
            counts = entity_counts(article.text, item.mentions, limit=len(body))
            lead = entity_counts(article.text, item.mentions, limit=lead_end)
        else:  # no NER reads this language: its names, by capitalisation
            counts, lead = name_counts(item, limit=len(body)), name_counts(item, limit=lead_end)
        _add_times(counts, lead)
        terms = term_counts(body, item.article_language)
        words = sum(terms.values())
        if not analysed(item.article_language):  # how much text, in any alphabet: about half
            # a text's words carry content (Vietnamese syllables are short, all stop words)
            words = len(_ANY_WORD.findall(body)) // 2
        out.append(
            StoryFeatures(
                article_id=article.id,
                vector=np.ascontiguousarray(vector, dtype=np.float32),
                entities=tuple(sorted(counts.items())),
                date=article_date(item),
                headline=headline(item),
                terms=tuple(sorted(terms.items())),
                words=words,
                language=item.article_language,
                lead=text,
            )
        )
    return out


def _lead_end(item: AnnotatedArticle, *, segments: int = LEAD_SEGMENTS) -> int:
    """Where the body's lead (its first ``segments`` sentences, a title counting as one) ends."""
    wanted = segments - (1 if item.article.title and item.article.title.strip() else 0)
    if wanted <= 0:
        return 0
    pieces = _body_pieces(item)
    return pieces[min(wanted, len(pieces)) - 1][1] if pieces else len(item.article.body)


def _add_times(total: Counter[str], lead: Counter[str]) -> None:
    """Count the lead's keys :data:`LEAD_WEIGHT` times in all (once is already in ``total``)."""
    for key, count in lead.items():
        total[key] += count * (LEAD_WEIGHT - 1)
