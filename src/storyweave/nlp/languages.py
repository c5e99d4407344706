"""Which languages storyweave reads, and their names for messages.

The entity, quote, claim and time stages run English models and English rules, so only
English articles get them (issue 20). An article in one of :data:`READ_LANGUAGES` is read in
part, by word lists of its language (:mod:`storyweave.foreign`): its date line, its quotes,
its figures, and its names linked to the English entities; an article in any other language
is stored, tagged with its language, split into sentences and tokenised. Every output says
which (:func:`unanalysed_note`), and nothing in a foreign article can change what the English
articles say.

DOCS: docs/decisions/languages.md
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

ANALYSED_LANGUAGES: frozenset[str] = frozenset({"en"})
"""Languages whose articles get the full analysis."""

READ_LANGUAGES: frozenset[str] = frozenset({"es", "fr", "de", "it", "pt", "nl", "ru", "vi"})
"""Languages read in part, by word lists (:mod:`storyweave.foreign`)."""

FULL = "full"
PARTIAL = "partial"
TEXT_ONLY = "text-only"
"""The three analyses an article gets: ``full`` (entities, quotes, claims, times),
``partial`` (date line, quotes, figures, names linked: a language of :data:`READ_LANGUAGES`) or
``text-only`` (stored, language, sentences, date line, names linked)."""

NAMES: dict[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "mt": "Maltese",
    "nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese",
}  # fmt: skip
"""English names of the languages news most often comes in (ISO 639-1); others show as codes."""


def primary(language: str) -> str:
    """The primary language of a tag as inputs write it: "en-US", "EN", "en_GB" -> "en"."""
    return language.replace("_", "-").split("-")[0].strip().lower()


def analysed(language: str | None) -> bool:
    """Whether an article in ``language`` gets the full analysis (no language counts as
    English: the language stage sets one on every article it sees); a regional tag counts as
    its language ("en-US" is English)."""
    return language is None or primary(language) in ANALYSED_LANGUAGES


def read_in_part(language: str | None) -> bool:
    """Whether an article in ``language`` is read by word lists (not English, but one of
    :data:`READ_LANGUAGES`)."""
    return language is not None and primary(language) in READ_LANGUAGES


def analysis(language: str | None) -> str:
    """``full``, ``partial`` or ``text-only``: what an article in ``language`` gets."""
    if analysed(language):
        return FULL
    return PARTIAL if read_in_part(language) else TEXT_ONLY


def language_name(code: str) -> str:
    """ "Spanish (es)"; the bare code for a language not in :data:`NAMES`."""
    name = NAMES.get(primary(code))
    return f"{name} ({code})" if name else code


def unanalysed_note(languages: Iterable[str | None]) -> str | None:
    """What the articles not in English got, by language, or None when every article is
    English: "2 articles in Spanish (es) and 1 in Vietnamese (vi) were read in part ...; 1
    article in Thai (th) was stored ... but not analysed ..." """
    counts = Counter(lang for lang in languages if lang and not analysed(lang))
    if not counts:
        return None
    partial = {k: n for k, n in counts.items() if read_in_part(k)}
    other = {k: n for k, n in counts.items() if not read_in_part(k)}
    sentences = []
    if partial:
        listed, verb = _listed(partial)
        sentences.append(
            f"{listed} {verb} read in part, by word lists of the language: dates, quotes and "
            "figures, and names linked to entities the English articles name; their figures "
            "and statements can support or dispute an English claim, but they get no parse "
            "and no entities of their own."
        )
    if other:
        listed, verb = _listed(other)
        sentences.append(
            f"{listed} {verb} stored, tagged, split into sentences and dated by their date "
            "line, and their names linked to entities the English articles name, but not "
            "analysed: quotes, claims, time expressions and new entities are read in English "
            "only."
        )
    return " ".join(sentences)


def _listed(counts: dict[str, int]) -> tuple[str, str]:
    """ "3 articles in Spanish (es) and 1 in Vietnamese (vi)", with "was" or "were"."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{n} in {language_name(code)}" for code, n in ranked]
    first = ranked[0][1]
    parts[0] = f"{first} article{'' if first == 1 else 's'} in {language_name(ranked[0][0])}"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return listed, "was" if sum(counts.values()) == 1 else "were"
