"""The brief's sections, in reading order, written from the claim ledger (see :mod:`.build`).

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from .._types import JSON
from ..nlp.models import DATELINE
from ..outlets.label import NO_SOURCE
from ..quotes.cues import STATEMENT_CUES
from .build import BriefSentence, Context, claim_rank, has_evidence, label_words
from .support import evidence_ok
from .wording import (
    TEMPLATE_WORDS,
    covering,
    is_clause,
    is_report,
    leading_pronoun,
    lower_first,
    name_mention,
    sentence_case,
)

ESTABLISHED_MAX: Final = 8
SINGLE_SOURCE_MAX: Final = 10
DISPUTED_MAX: Final = 6
CHANGED_MAX: Final = 4
QUOTES_MAX: Final = 20
# Reported speech per speaker in "Who said what"; direct quotes are all kept.
INDIRECT_PER_SPEAKER: Final = 3
_OPENING_QUOTES: Final = ("“", '"', "‘", "«")


def write_sections(ctx: Context, attributions: Iterable[JSON]) -> None:
    claims = []
    for claim in sorted(ctx.story.get("claims", []), key=claim_rank):
        if has_evidence(ctx, claim):
            claims.append(claim)
        else:  # evidence outside its articles, or not their text: never written
            ctx.dropped += 1
    headline = next((c for c in claims if c["status"] == "corroborated" and _own(ctx, c)), None)
    if headline is not None:
        claim_sentence(ctx, headline, "headline")
    for claim in [c for c in claims if c["status"] == "corroborated"][: ESTABLISHED_MAX + 1]:
        if claim["id"] not in ctx.done:
            claim_sentence(ctx, claim, "established")
    _disputed(ctx, [c for c in claims if c["status"] == "conflicting"])
    _changed(ctx, claims)
    single = sorted((c for c in claims if c["status"] == "single_source"), key=_position)
    for claim in single[:SINGLE_SOURCE_MAX]:
        claim_sentence(ctx, claim, "single_source")
    _who_said_what(ctx, attributions)


def _own(ctx: Context, claim: JSON) -> bool:
    """Some evidence states the claim in an article's own voice, plainly asserted."""
    return any(_own_row(ctx, ev) for ev in claim.get("evidence", []))


def _own_row(ctx: Context, ev: JSON) -> bool:
    """The row is the article's own voice: no speaker, no source it is relayed from (other
    than the article's own outlet, which a credit line puts first), asserted."""
    if ev.get("speaker") or ev.get("modality", "asserted") != "asserted":
        return False
    outlet = str(ctx.articles.get(str(ev.get("article")), {}).get("outlet") or "")
    return all(c == outlet for c in ev.get("chain") or [])


def _position(claim: JSON) -> tuple[str, int]:
    ev = claim.get("evidence") or [{"article": "", "start": 0}]
    return (str(ev[0]["article"]), int(ev[0]["start"]))


def claim_sentence(ctx: Context, claim: JSON, section: str, group: str = "") -> bool:
    """Emit one sentence for ``claim``: in an article's own voice when one asserts it, else
    as its attribution; False when no whole, supported, new sentence can be written."""
    rows = list(claim.get("evidence", []))
    evidence = ctx.evidence(rows)
    label = ctx.origins(claim)
    ids = (str(claim["id"]),)
    own = [ev for ev, raw in zip(evidence, rows, strict=True) if _own_row(ctx, raw)]
    if own:
        text = str(claim.get("text", ""))
        dateline = DATELINE.match(text)  # a wire dateline is the article's, not the claim's
        text = sentence_case(text[dateline.end() :] if dateline else text)
        # the row in whose words the claim is written first (the claim's text is one row's)
        own.sort(key=lambda ev: text.rstrip(".").casefold() not in ev["text"].casefold())
        candidates = []
        if is_clause(ctx.parse(text)):
            candidates.append(BriefSentence(section, text, evidence, label, group, claims=ids))
        whole = ctx.whole(own[0])
        if whole is not None:
            candidates.append(
                BriefSentence(section, sentence_case(whole["text"]), (whole, *evidence[1:]),
                              label, group, claims=ids)
            )  # fmt: skip
        candidates = [
            c for c in candidates if not leading_pronoun(c.text) and is_report(ctx.parse(c.text))
        ]
        if section == "single_source" and ctx.sources(evidence[:1]) != NO_SOURCE:
            candidates = [_according_to(ctx, s) for s in candidates]
        return any(ctx.emit(s) for s in candidates)
    if section == "headline":
        return False
    for raw in rows:
        for sentence in _attributed(ctx, raw, section, group, label, ids):
            if ctx.emit(sentence):
                return True
    return False


def _according_to(ctx: Context, s: BriefSentence) -> BriefSentence:
    """A single-source claim in its outlet's own voice, attributed in the sentence:
    "According to Tin Tuc, the two heads of state toured the spaceport." """
    source = ctx.sources(s.evidence[:1])
    body = lower_first(ctx.parse(s.text), s.text)
    return BriefSentence(
        s.section, f"According to {source}, {body}", s.evidence, s.label, s.group,
        claims=s.claims, attribution={"speaker": None, "chain": [source]},
        allowed=TEMPLATE_WORDS | label_words(source),
    )  # fmt: skip


def _attributed(
    ctx: Context, raw: JSON, section: str, group: str, label: str, ids: tuple[str, ...]
) -> list[BriefSentence]:
    """The claim written as the attribution its evidence row lies in, best first: the claim's
    own clause under the article's source and verb, when the content says more than the claim
    ("The port authority said three fishing boats went down": no other fact, disputed or not,
    rides along); the attribution in the article's words (source, reporting verb, content);
    the whole source sentence."""
    modality = str(raw.get("modality") or "asserted")
    out: list[BriefSentence] = []
    row = covering(ctx.attributions, raw)
    if row is not None:
        narrow = _claim_reported(ctx, raw, row)
        if narrow is not None:
            text, evidence, speaker = narrow
            out.append(
                BriefSentence(
                    section, text, evidence, label, group, claims=ids, modality=modality,
                    attribution={"speaker": speaker, "chain": list(row.get("chain") or [])},
                )
            )  # fmt: skip
        quoted = quote_sentence(ctx, row)
        if quoted is not None:  # labelled with who said it, and through whom
            named = quoted.label if section == "single_source" else label
            out.append(
                BriefSentence(
                    section, quoted.text, quoted.evidence, named, group, claims=ids,
                    modality=modality, attribution=quoted.attribution,
                )
            )  # fmt: skip
    whole = ctx.whole(ctx.evidence([raw])[0])
    if whole is not None:
        chain = [str(c) for c in raw.get("chain") or []]
        out.append(
            BriefSentence(
                section, sentence_case(whole["text"]), (whole,), label, group, claims=ids,
                modality=modality, attribution={"speaker": raw.get("speaker"), "chain": chain},
            )
        )  # fmt: skip
    return out


QUOTES: Final = ('"', "“", "”", "«", "»", "„")
OBJECT_CUES: Final = frozenset({"tell", "inform", "assure", "remind", "warn", "advise", "urge"})
"""Reporting verbs that need a hearer ("told reporters"): a claim is not set after them alone."""


def _claim_reported(ctx: Context, raw: JSON, row: JSON) -> tuple[str, tuple[JSON, ...], str] | None:
    """The claim's clause reported by the attribution's source with its verb, all in the
    article's words ("the port authority" + "said" + "three fishing boats went down"), when
    the claim lies inside the attribution's content; with its evidence and the speaker."""
    source, cue, content = row.get("source"), row.get("cue"), row.get("content")
    if not (isinstance(source, dict) and isinstance(cue, dict) and isinstance(content, dict)):
        return None
    aid = str(raw["article"])
    start, end = int(raw["start"]), int(raw["end"])
    if not (int(content["start"]) <= start and end <= int(content["end"])):
        return None
    if row.get("kind") == "direct" or any(q in _words_at(ctx, aid, content) for q in QUOTES):
        return None  # quoted words stay quoted: "we" in a quote is not the writer's "we"
    if (start, end) == (int(content["start"]), int(content["end"])):
        return None  # the whole content: the quote itself says it
    who, verb = _words_at(ctx, aid, source), _words_at(ctx, aid, cue)
    if leading_pronoun(who) or ctx.parse(verb)[0].lemma_.lower() in OBJECT_CUES:
        return None
    clause = ctx.texts[aid][start:end].strip().rstrip(",;:")
    said = lower_first(ctx.parse(clause), clause)
    according = row.get("kind") == "according_to"
    text = sentence_case(f"{verb} {who}, {said}" if according else f"{who} {verb} {said}")
    if not is_clause(ctx.parse(text)) or '"' in clause or "“" in clause:
        return None
    parts = [{"article": aid, "start": p["start"], "end": p["end"]} for p in (source, cue)]
    evidence = ctx.evidence([{"article": aid, "start": start, "end": end}, *parts])
    if not evidence_ok(evidence, ctx.texts):
        return None
    entity = ctx.entities.get(str(row.get("speaker") or ""))
    speaker = str(entity["name"] if entity else (row.get("speaker_name") or who))
    return text, evidence, speaker


def _disputed(ctx: Context, conflicting: Sequence[JSON]) -> None:
    by_id = {c["id"]: c for c in ctx.story.get("claims", [])}
    groups = 0
    for claim in sorted(conflicting, key=_position):
        if claim["id"] in ctx.done or groups >= DISPUTED_MAX:
            continue
        sides = [claim] + [by_id[o] for o in claim.get("conflicts_with", []) if o in by_id]
        group = f"d{groups + 1}"
        written = [claim_sentence(ctx, side, "disputed", group) for side in sides]
        ctx.done |= {side["id"] for side in sides}
        groups += sum(written) >= 2
        if sum(written) == 1:  # one side alone is no dispute: take it back
            ctx.take_back()


def _changed(ctx: Context, claims: Sequence[JSON]) -> None:
    """Update chains: each claim a later report revised, then its revisions, oldest first."""
    by_id = {c["id"]: c for c in claims}
    later = {s for c in claims for s in c.get("superseded_by") or []}
    chains = 0
    for root in claims:
        if chains >= CHANGED_MAX or not root.get("superseded_by") or root["id"] in later:
            continue
        chain, seen = [root], {root["id"]}
        while nxt := [by_id[s] for s in chain[-1].get("superseded_by") or [] if s in by_id]:
            if nxt[0]["id"] in seen:
                break
            chain.append(nxt[0])
            seen.add(nxt[0]["id"])
        group = f"u{chains + 1}"
        written = 0
        for step in chain:
            if step["id"] not in ctx.done:
                written += claim_sentence(ctx, step, "changed", group)
        chains += written >= 2
        if written == 1:  # no change shown: take it back
            ctx.take_back()


def _who_said_what(ctx: Context, attributions: Iterable[JSON]) -> None:
    groups: dict[str, list[tuple[JSON, BriefSentence]]] = {}
    for row in attributions:
        if row.get("article") not in ctx.texts or not row.get("source"):
            continue
        if row.get("statement") is False:  # an act or a stance ("Kozlov welcomed Kim")
            continue
        sentence = quote_sentence(ctx, row)
        if sentence is not None:
            groups.setdefault(sentence.group, []).append((row, sentence))
    emitted = 0
    for items in sorted(groups.values(), key=_speaker_order):
        indirect = 0
        for row, sentence in items:
            direct = row.get("kind") == "direct"
            if emitted >= QUOTES_MAX or (not direct and indirect >= INDIRECT_PER_SPEAKER):
                continue
            if ctx.emit(sentence):
                emitted += 1
                indirect += not direct


def _words_at(ctx: Context, aid: str, span: JSON) -> str:
    """The article's own words at ``span`` (never the row's copy of them)."""
    return ctx.texts[aid][int(span["start"]) : int(span["end"])].strip()


def _speaker_order(items: list[tuple[JSON, BriefSentence]]) -> tuple[bool, int]:
    """Speakers that are entities first, then those quoted most (the sort is stable)."""
    return (not items[0][1].label_is_entity, -len(items))


def quote_sentence(ctx: Context, row: JSON) -> BriefSentence | None:
    """One attribution as a sentence in the article's words: "Peskov said that ...",
    "According to TASS, ...", "Citing Peskov, TASS reported that ..."; a pronoun source
    ("He said") is replaced by the speaker's name, taken from a mention of the speaker in
    the same article (which joins the evidence), or the quote is left out."""
    aid = str(row["article"])
    source, cue, content = row["source"], row.get("cue"), row.get("content")
    if isinstance(cue, dict):
        cue = _with_hearer(ctx, aid, cue)
    parts = [p for p in (source, cue, content) if isinstance(p, dict)]
    if content is None or len(parts) < 2:
        return None
    relayed = _relayed_from(ctx.texts[aid], source, content)
    if relayed is not None:  # "Citing Peskov, TASS reported that ...": the carrier said it
        parts = [{"start": relayed, "end": content["end"]}]
    evidence = ctx.evidence(
        {"article": aid, "start": p.get("start"), "end": p.get("end")} for p in parts
    )
    if not evidence_ok(evidence, ctx.texts):
        return None
    if not _reported(ctx, aid, row, relayed):
        return None
    said = _words_at(ctx, aid, content)
    if said.count("“") != said.count("”") or said.count('"') % 2:  # a quote cut in two
        return None
    if said.endswith((",”", ',"')):  # “It was a mess,” she said -> “It was a mess.”
        said = said[:-2] + "." + said[-1]
    who = _words_at(ctx, aid, source)
    entity = ctx.entities.get(str(row.get("speaker") or ""))
    speaker = entity["name"] if entity else (row.get("speaker_name") or who)
    if leading_pronoun(who) and relayed is None:
        mention = name_mention(entity, aid)
        if mention is None:
            return None
        who = ctx.texts[aid][int(mention["start"]) : int(mention["end"])]
        evidence = (*evidence, *ctx.evidence([{"article": aid, "start": mention["start"],
                                               "end": mention["end"]}]))  # fmt: skip
    if relayed is not None:
        text = ctx.texts[aid][relayed : content["end"]].strip()
    elif content["start"] <= source["start"] and source["end"] <= content["end"]:
        text = said  # the speaker is inside the words ("Warner Brothers appears to be ...")
    elif row.get("kind") == "according_to" and cue:
        text = f"{_words_at(ctx, aid, cue)} {who}, {lower_first(ctx.parse(said), said)}"
    elif cue:
        sep = ":" if said.startswith(_OPENING_QUOTES) else ""
        text = f"{who} {_words_at(ctx, aid, cue)}{sep} {said}"
    else:
        text = f"{who}: {said}"
    if not is_clause(ctx.parse(text)):  # "Quoting her lawyer as saying ...": no main clause
        return None
    own = {speaker, *(entity["aliases"] if entity else ())}
    chain = [c for c in row.get("chain", []) if c not in own and not _part_of(c, speaker)]
    label = speaker + (f" (via {' → '.join(chain)})" if chain else "")
    return BriefSentence(
        "who_said_what", sentence_case(text), evidence, label, speaker, entity is not None,
        attribution={"speaker": speaker, "chain": list(row.get("chain", []))},
    )  # fmt: skip


def _with_hearer(ctx: Context, aid: str, cue: JSON) -> JSON:
    """The cue with the hearer a verb like "tell" takes right after it ("told reporters"), so a
    sentence never reads "Lena Ortiz told: ..."; the cue as it is otherwise."""
    doc = ctx.docs.get(aid)
    span = (
        doc.char_span(int(cue["start"]), int(cue["end"]), alignment_mode="expand") if doc else None
    )
    if span is None or not len(span):
        return cue
    verb = span.root
    if verb.lemma_.lower() not in OBJECT_CUES:
        return cue
    hearer = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    if hearer is None or hearer.left_edge.i != span.end:
        return cue
    last = max(t.idx + len(t) for t in hearer.subtree)
    return {**cue, "end": last}


def _reported(ctx: Context, aid: str, row: JSON, relayed: int | None) -> bool:
    """Whether the attribution reads as one: its cue is a word of saying (the attribution
    lexicon) or "according to", and reported speech is a clause. An act or a description the
    attribution layer took for one ("The trip showing that ...") is left out."""
    if relayed is not None or row.get("kind") == "according_to":
        return True
    cue, content = row.get("cue"), row["content"]
    if not isinstance(cue, dict):
        return row.get("kind") == "direct"
    doc = ctx.span_doc(aid, int(cue["start"]), int(cue["end"]), _words_at(ctx, aid, cue))
    if not any(t.lemma_.casefold() in STATEMENT_CUES for t in doc):
        return False
    if row.get("kind") == "direct":
        return True
    source = row["source"]
    if int(content["end"]) <= int(source["start"]):  # "..., the minister said": a comma between
        gap = ctx.texts[aid][int(content["end"]) : int(source["start"])]
        if gap.strip(" ,”’\"'") or "," not in gap:
            return False
    said = ctx.evidence([{"article": aid, "start": content["start"], "end": content["end"]}])
    return ctx.clause(said[0])


_RELAY = re.compile(r"\b(?:citing|quoting)\s+$", re.IGNORECASE)


def _relayed_from(text: str, source: JSON, content: JSON) -> int | None:
    """Where "Citing"/"quoting" opens the source phrase, when the source comes before the
    content: the cue then belongs to the outlet that relays the words, and the brief keeps the
    article's own words from "Citing" on, in order."""
    start = int(source["start"])
    found = _RELAY.search(text, max(0, start - 12), start)
    if found is None or start >= int(content["start"]):
        return None
    return found.start()


def _part_of(name: str, speaker: str) -> bool:
    """Whether ``name`` is the speaker under a shorter name ("Lohan" of "Lindsay Lohan")."""
    words = name.casefold().split()
    return bool(words) and set(words) <= set(speaker.casefold().split())
