"""Who covered a story: outlets, the first report, copies, derived copies, credits and the
independent origins its articles come from.

Read off the story's articles, their duplicate records and their wording; no model runs.
The origins are the claims step's (:class:`storyweave.claims.origins.OriginIndex`): one
outlet, one credited agency, a copy and its original, a rewrite and the story it rewrites
are one origin each.

DOCS: docs/stages/sources.md ("Coverage")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .._types import JSON, ArticleId
from ..claims.origins import OriginIndex, Report
from ..model import Article, Duplicate
from ..outlets import is_agency, source_label
from ..outlets.label import NO_SOURCE


def story_coverage(
    articles: Sequence[Article],
    duplicates: Sequence[Duplicate] = (),
    languages: Mapping[ArticleId, str | None] | None = None,
    translations: Sequence[JSON] = (),
) -> JSON:
    """The coverage table of one story's ``articles`` (report JSON, see docs/report-format.md);
    ``translations`` are the story analysis's (a translation is its original's origin)."""
    ids = {a.id for a in articles}
    dups = [d for d in duplicates if d.article in ids and d.original in ids]
    translated = [
        (str(t["article"]), str(t["original"]), float(t["share"]))
        for t in translations
        if t["article"] in ids and t["original"] in ids
    ]
    index = OriginIndex(articles, dups, translated=translated)
    label = {a.id: source_label(a.outlet, a.url, a.title) for a in articles}
    outlets: dict[str, list[Article]] = {}
    unknown = 0
    for a in articles:
        name = label[a.id]
        if name == NO_SOURCE:  # articles without any source name are not one outlet
            unknown += 1
            name = f"{NO_SOURCE} ({unknown})"
        outlets.setdefault(name, []).append(a)
    dated = sorted((a.published, a.id) for a in articles if a.published)
    first = [aid for day, aid in dated if day == dated[0][0]] if dated else []
    first.sort(key=lambda aid: (label[aid], aid))
    copied = {(d.article, d.original) for d in dups}
    origins = index.origins([Report(a.id, ()) for a in articles])
    langs = languages or {}
    return {
        "outlets": [
            {
                "name": name,
                "agency": is_agency(name),
                "articles": [a.id for a in members],
                "first_published": min(
                    (a.published.isoformat() for a in members if a.published), default=None
                ),
            }
            for name, members in sorted(outlets.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ],
        "first_report": [
            {"article": aid, "outlet": label[aid], "published": dated[0][0].isoformat()}
            for aid in first
        ],
        "copies": [
            {
                "article": d.article,
                "original": d.original,
                "kind": d.kind,
                "similarity": d.similarity,
                "why": f"{label[d.article]} runs {label[d.original]}'s text"
                + (" word for word" if d.kind == "exact" else f" ({d.similarity:.0%} alike)"),
            }
            for d in dups
        ],
        "derived": [
            {
                "article": later,
                "source": earlier,
                "share": round(share, 3),
                "why": f"likely derived: {label[later]} repeats {label[earlier]}'s wording "
                f"({share:.0%} of word triples shared)",
            }
            for later, earlier, share in index.derived
            if (later, earlier) not in copied and (earlier, later) not in copied
        ],
        "translated": [
            {
                "article": foreign,
                "original": english,
                "share": share,
                "why": f"likely translated: {label[foreign]} renders {label[english]}'s report "
                f"sentence by sentence ({share:.0%} of its lead)",
            }
            for foreign, english, share in translated
        ],
        "credited": [
            {"article": a.id, "outlet": label[a.id], "credits": list(a.credits)}
            for a in articles
            if a.credits
        ],
        "independent_origins": len(origins),
        "origins": [{"label": o.label, "articles": list(o.articles)} for o in origins],
        "languages": sorted({lang for lang in langs.values() if lang}),
        "date_range": [dated[0][0].isoformat(), dated[-1][0].isoformat()] if dated else None,
    }
