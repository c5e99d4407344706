"""What a figure counts, across languages: the few outcomes news counts most (the dead, the
injured, the missing, the evacuated, the arrested), each named by word stems of every language
storyweave reads, English included (issue 20). A multilingual embedding scores "12 personas
resultaron heridas" as close to "killing at least 12 people" as a translation (0.91): two
figures of different outcomes must never support or dispute each other, and these stems say
which outcome a clause counts. Two clauses that name none are judged by the embedding alone;
one that names an outcome the other does not name is no match.

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

import re
from typing import Final

from storyweave.nlp.languages import primary

COUNT_FRAMES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "dead": {
        "en": ("die", "died", "dead", "death", "kill", "fatalit", "lost their lives"),
        "es": ("muert", "muri", "falleci", "víctimas mortales", "mató", "mataron"),
        "fr": ("mort", "décè", "décéd", "tué", "tuant", "péri"),
        "de": ("tote", "toter", "toten", "starb", "gestorben", "getötet", "ums leben",
               "todesopfer"),
        "it": ("mort", "decess", "uccis", "uccidendo", "vittime"),
        "pt": ("mort", "morr", "falec", "vítimas mortais", "matou", "matando"),
        "nl": ("dood", "doden", "omgekomen", "overleden", "gedood", "om het leven"),
        "ru": ("погиб", "умер", "смерт", "жертв", "убит"),
        "vi": ("chết", "tử vong", "thiệt mạng", "tử nạn"),
    },
    "injured": {
        "en": ("injur", "wound", "hurt"),
        "es": ("herid", "lesionad"), "fr": ("bless",), "de": ("verletz",), "it": ("ferit",),
        "pt": ("ferid",), "nl": ("gewond",), "ru": ("ранен", "пострадал", "травм"),
        "vi": ("bị thương",),
    },
    "missing": {
        "en": ("missing",), "es": ("desaparecid",), "fr": ("disparu",), "de": ("vermisst",),
        "it": ("dispers",), "pt": ("desaparecid",), "nl": ("vermist",),
        "ru": ("пропал", "пропавш", "без вести"), "vi": ("mất tích",),
    },
    "evacuated": {
        "en": ("evacuat", "displaced", "homeless"),
        "es": ("evacuad", "desalojad", "evacuar", "desalojar"), "fr": ("évacu", "sinistré"),
        "de": ("evakuier", "in sicherheit gebracht"), "it": ("evacuat", "sfollat"),
        "pt": ("evacuad", "desalojad", "realoj"), "nl": ("geëvacueerd", "evacueer"),
        "ru": ("эвакуир",), "vi": ("sơ tán", "di dời"),
    },
    "arrested": {
        "en": ("arrest", "detain", "held in custody"),
        "es": ("detenid", "arrestad", "detuv"), "fr": ("arrêté", "interpell", "garde à vue"),
        "de": ("festgenommen", "verhaftet", "festnahme"), "it": ("arrestat", "fermati", "fermato"),
        "pt": ("detid", "presos", "presas", "deti"),
        "nl": ("aangehouden", "gearresteerd", "opgepakt"),
        "ru": ("задержан", "арестован", "задержал"), "vi": ("bắt giữ", "bị bắt", "tạm giữ"),
    },
}  # fmt: skip
"""Outcome -> language -> word stems (a word starting with one names the outcome)."""


def count_frames(text: str, language: str) -> frozenset[str]:
    """The outcomes ``text`` (a clause) names in ``language``."""
    lang = primary(language)
    folded = text.lower()
    words = re.findall(r"\w+", folded)
    out = set()
    for frame, stems in COUNT_FRAMES.items():
        for stem in stems.get(lang, ()):
            if (" " in stem and stem in folded) or any(w.startswith(stem) for w in words):
                out.add(frame)
                break
    return frozenset(out)


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two clauses can count one thing when they name the same outcome, or neither names one:
    "12 casas" says nothing of "killing 12 people", so one naming an outcome the other does not
    name is no match either (say less)."""
    return a == b == frozenset() or bool(a & b)
