"""Reading the news in languages the English models do not read (issue 20): figures with the
language's separators and scale words, quotations by its marks with the speaker found by its
reporting verbs, and how a sentence is put (denied, hedged). Rules and general per-language
word lists only: no model reads these texts, and nothing here can change an English article.

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

from storyweave.nlp.languages import READ_LANGUAGES

from .lexicon import reads
from .numbers import Figure, find_figures
from .quotes import find_foreign_attributions
from .stance import stance

__all__ = [
    "READ_LANGUAGES",
    "Figure",
    "find_figures",
    "find_foreign_attributions",
    "reads",
    "stance",
]
