"""The one home of the spaCy model and of stored parses.

- :mod:`.models`: the pipeline (``load_nlp``) and the tag of the parses it makes
  (``parse_model``);
- :mod:`.stored`: a parse as bytes (:class:`StoredParse`, ``encode_parse``, ``decode_parse``,
  ``stored_parse``), which the store writes and reads without loading a model;
- :mod:`.attach`: a stored parse put back on its article (``attach_parses``), and the
  articles left without one parsed (``with_docs``, ``docs_for``);
- :mod:`.sentences`: the ``Doc`` of one sentence or span, cut from its article's parse, or
  parsed on its own when the article has none.

Each article body is parsed once, by the ``ner`` stage at ingest; everything later reads
that parse. This package sits low: it imports :mod:`storyweave.model`,
:mod:`storyweave.errors` and :mod:`storyweave._types` only, and spaCy only inside the
functions that need it (importing it loads no model).
"""

from __future__ import annotations
