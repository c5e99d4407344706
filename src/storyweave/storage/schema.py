"""The tables, as SQLAlchemy Core objects; one schema serves SQLite and PostgreSQL.

:mod:`storyweave.storage.migrations` creates and evolves them; this module is
the current shape that queries are written against.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("ref", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("language", sa.String(16)),
    sa.Column("author", sa.Text),
    sa.Column("credit", sa.Text),
    sa.Column("body_end", sa.Integer),
    sa.Column("body_start", sa.Integer),
    sa.Column("credits", sa.Text),  # JSON list of credited organisations
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False, index=True),
    sa.Column("ingested_at", sa.String(40), nullable=False, index=True),
)

minhashes = sa.Table(
    "minhashes",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    sa.Column("band", sa.Integer, nullable=False),
    sa.Column("bucket", sa.String(32), nullable=False),
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), nullable=False),
    sa.Index("ix_minhash_bands_bucket", "band", "bucket"),
)

duplicates = sa.Table(
    "duplicates",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("original_id", sa.String(40), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("label", sa.String(20), nullable=False),
    sa.Column("entity_id", sa.String(40), index=True),
)

timexes = sa.Table(
    "timexes",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("value", sa.String(64), nullable=False),
    sa.Column("anchor", sa.String(64)),
    sa.Column("anchored", sa.Boolean, nullable=False),
    sa.Column("mod", sa.String(20)),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("data", sa.Text, nullable=False),  # JSON: kind, spans, speaker, chain, extras
)

store_info = sa.Table(
    "store_info",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),  # "id": a random id made when the store was
)

parses = sa.Table(
    "parses",
    metadata,
    sa.Column(
        "article_id",
        sa.String(40),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("model", sa.String(200), nullable=False),  # spaCy model, its version, spaCy's
    sa.Column("data", sa.LargeBinary, nullable=False),  # one-doc DocBin (zlib inside)
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("aliases", sa.Text, nullable=False),  # JSON list
    sa.Column(
        "roles", sa.Text, nullable=False, server_default="[]"
    ),  # JSON list, most frequent first
    sa.Column("news_source", sa.Boolean, nullable=False, server_default=sa.false()),
)

stage_runs = sa.Table(
    "stage_runs",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("stage", sa.String(40), primary_key=True),
    sa.Column("version", sa.String(20), nullable=False),
    sa.Column("ran_at", sa.String(40), nullable=False, index=True),
)

entity_links = sa.Table(
    "entity_links",
    metadata,
    # the article's mentions were linked to entities (and are not since re-annotated): a run
    # killed between annotation and linking leaves no row, and the next run links the article
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("linked_at", sa.String(40), nullable=False, index=True),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(40)),
    sa.Column("ref", sa.Text),
    sa.Column("stage", sa.String(40), nullable=False),
    sa.Column("code", sa.String(10)),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("method", sa.String(40), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

story_articles = sa.Table(
    "story_articles",
    metadata,
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("story_id", sa.String(40), sa.ForeignKey("stories.id"), nullable=False, index=True),
)

# -- story analyses: the rows of each story's current revision (storage/analyses.py) ---------

story_revisions = sa.Table(
    "story_revisions",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("members", sa.String(40), nullable=False),
    sa.Column("version", sa.String(40), nullable=False),
    sa.Column("computed_at", sa.String(40), nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("article_ids", sa.Text, nullable=False),
    sa.Column("outlets", sa.Text, nullable=False),
    sa.Column("outlet_count", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.String(10)),
    sa.Column("last_seen", sa.String(10), index=True),
    sa.Column("latest", sa.String(40), nullable=False),
    sa.Column("corroborated", sa.Integer, nullable=False),
    sa.Column("single_source", sa.Integer, nullable=False),
    sa.Column("conflicting", sa.Integer, nullable=False),
    sa.Column("updated", sa.Integer, nullable=False),
    sa.Column("brief_markdown", sa.Text, nullable=False),
    sa.Column("brief", sa.Text, nullable=False),
    sa.Column("top_entities", sa.Text, nullable=False),
    sa.Column("translations", sa.Text, nullable=False, server_default="[]"),
)

story_claims = sa.Table(
    "story_claims",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("claim_id", sa.String(40), nullable=False),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("independent_sources", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

claim_evidence = sa.Table(
    "claim_evidence",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("claim_seq", sa.Integer, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(40), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("states", sa.Text, nullable=False),
    sa.Column("modality", sa.String(20)),
    sa.Column("speaker", sa.Text),
)

story_timeline = sa.Table(
    "story_timeline",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("date", sa.String(40), index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

story_edges = sa.Table(
    "story_edges",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(40), nullable=False, index=True),
    sa.Column("target", sa.String(40), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("weight", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

story_quotes = sa.Table(
    "story_quotes",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(40), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("statement", sa.Boolean),
    sa.Column("speaker", sa.String(40), index=True),
    sa.Column("speaker_label", sa.Text),
    sa.Column("data", sa.Text, nullable=False),
)

entity_stats = sa.Table(
    "entity_stats",
    metadata,
    sa.Column("entity_id", sa.String(40), primary_key=True),
    sa.Column("mentions", sa.Integer, nullable=False, index=True),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("stories", sa.Integer, nullable=False),
    # the entity's type when counted (0011), so the list filters and counts by type from here
    sa.Column("type", sa.String(10), nullable=False, server_default="OTHER"),
)

# -- what the lists read without scanning (0011_read_paths; storage/totals.py) ---------------

# The stories whose membership changed since their analysis was written (or that were
# deleted): written with the membership change, removed with the new revision. "Is every
# analysis current?" is then one lookup, not a digest of every story's members.
stale_stories = sa.Table(
    "stale_stories",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
)

# How many rows each list has, per facet (a claim status, a quote's kind and statement flag,
# an entity type), kept in step with the rows in the same transaction: a list's total is a
# read of a few rows, not a count over the list.
list_totals = sa.Table(
    "list_totals",
    metadata,
    sa.Column("list", sa.String(20), primary_key=True),
    sa.Column("facet", sa.String(40), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
)

# The orders the lists are read in, each an index, so a first page reads a page of rows.
READ_INDEXES: tuple[sa.Index, ...] = (
    sa.Index(
        "ix_story_claims_status_order",
        story_claims.c.status, story_claims.c.story_id, story_claims.c.seq,
    ),
    sa.Index(
        "ix_story_timeline_order",
        sa.func.coalesce(story_timeline.c.date, sa.literal_column("''")),
        story_timeline.c.text, story_timeline.c.story_id, story_timeline.c.seq,
    ),
    sa.Index(
        "ix_story_revisions_disputed",
        story_revisions.c.conflicting.desc(), story_revisions.c.single_source.desc(),
        story_revisions.c.articles.desc(), story_revisions.c.story_id,
    ),
    sa.Index(
        "ix_story_revisions_largest",
        story_revisions.c.articles.desc(), story_revisions.c.outlet_count.desc(),
        story_revisions.c.story_id,
    ),
    sa.Index("ix_story_revisions_version", story_revisions.c.version),
    sa.Index(
        "ix_story_quotes_speaker_order",
        story_quotes.c.speaker, story_quotes.c.story_id, story_quotes.c.seq,
    ),
    sa.Index(
        "ix_entity_stats_order", entity_stats.c.mentions.desc(), entity_stats.c.entity_id
    ),
    sa.Index(
        "ix_entity_stats_type_order",
        entity_stats.c.type, entity_stats.c.mentions.desc(), entity_stats.c.entity_id,
    ),
    sa.Index(
        "ix_mentions_entity_order",
        mentions.c.entity_id, mentions.c.article_id, mentions.c.start,
    ),
)  # fmt: skip

ANALYSIS_TABLES: tuple[sa.Table, ...] = (
    story_claims,
    claim_evidence,
    story_timeline,
    story_edges,
    story_quotes,
    story_revisions,
)

# -- the story clusterer's state (storyweave.storage.clusters; docs/stages/stories.md) --------

cluster_stories = sa.Table(
    "cluster_stories",
    metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("vector_sum", sa.LargeBinary, nullable=False),  # float64 × dim
    sa.Column("entity_sum", sa.Text, nullable=False),  # JSON {key: weight}
    sa.Column("term_sum", sa.Text, nullable=False),  # JSON {key: weight}
    sa.Column("first", sa.String(10)),
    sa.Column("last", sa.String(10)),
    sa.Column("created", sa.BigInteger, nullable=False),
    sa.Column("words", sa.Float),
)

cluster_members = sa.Table(
    "cluster_members",
    metadata,
    sa.Column("article_id", sa.String(40), primary_key=True),
    sa.Column("story_id", sa.String(40), nullable=False, index=True),
    sa.Column("key", sa.BigInteger, nullable=False, unique=True),  # the vector index's key
    sa.Column("vector", sa.LargeBinary, nullable=False),  # float32 × dim: the index is rebuilt
    sa.Column("entities", sa.Text, nullable=False),  # JSON [[key, weight], ...]
    sa.Column("terms", sa.Text, nullable=False),  # JSON [[key, weight], ...]
    sa.Column("date", sa.String(10)),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("joined", sa.BigInteger, nullable=False),
    sa.Column("words", sa.Integer),
)

cluster_merges = sa.Table(
    "cluster_merges",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("absorbed", sa.String(40), nullable=False),
    sa.Column("into", sa.String(40), nullable=False, index=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("bridge", sa.Text, nullable=False),  # JSON list of article ids
)

cluster_entity_df = sa.Table(
    "cluster_entity_df",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),  # entity key, or "t:" + term
    sa.Column("df", sa.Integer, nullable=False),
)

cluster_meta = sa.Table(
    "cluster_meta",
    metadata,
    # "seq" (the last sequence number handed out), "articles" (articles counted), "model"
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

claim_units = sa.Table(
    "claim_units",
    metadata,
    # an article's claim units and their sentence embeddings, computed once when it is
    # annotated (the ``claim_units`` stage) and replaced with its other layers
    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("version", sa.String(200), nullable=False),  # units code and parse model
    sa.Column("embedder", sa.String(100)),  # the embedding model; NULL: no vectors
    sa.Column("units", sa.Text, nullable=False),  # JSON: the units and the embedded texts
    sa.Column("vectors", sa.LargeBinary),  # float32 rows, one per embedded text
)
