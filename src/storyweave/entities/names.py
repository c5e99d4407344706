"""Name normalisation: the keys that make surface variants of one name compare equal.

A *key token* is a name token folded for comparison: diacritics removed, lower
case, and common transliteration variants collapsed (Yury/Yuri, Shoigu/Shoygu,
Dmitry/Dmitri). Keys are for matching only; canonical names keep the surface form.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

# Words that precede a name without being part of it ("President Putin", "Ms. Palin").
TITLES: frozenset[str] = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "fr",
        "father",
        "sister",
        "brother",
        "st",
        "saint",
        "president",
        "vice",
        "premier",
        "chancellor",
        "minister",
        "prime",
        "secretary",
        "general",
        "gen",
        "lt",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "cmdr",
        "adm",
        "admiral",
        "sgt",
        "sergeant",
        "cpl",
        "pvt",
        "officer",
        "detective",
        "chief",
        "gov",
        "governor",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "mayor",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "sheikh",
        "ayatollah",
        "imam",
        "rabbi",
        "chairman",
        "chairwoman",
        "ambassador",
        "coach",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "marshal",
        "director",
        "ceo",
        "founder",
        "president-elect",
        "elect",
        "comrade",
        "supreme",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "former",
        "late",
        "actor",
        "actress",
        "singer",
        "star",
        "rapper",
        "host",
        "producer",
        "author",
    }
)

# Role nouns that also precede names in gold mention spans ("Attorney Shawn Holley").
TITLES |= frozenset(
    {
        "attorney",
        "lawyer",
        "agent",
        "nurse",
        "doctor",
        "analyst",
        "researcher",
        "quarterback",
        "stepmom",
        "stepfather",
        "suspect",
        "victim",
        "gunman",
        "defendant",
    }
)

# Lower-case words that may sit inside a personal name ("Ludwig van Beethoven").
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "ben",
        "y",
        "dos",
        "das",
        "ter",
        "ten",
    }
)

# Company suffixes dropped from organisation keys ("Microsoft Corp." = "Microsoft").
ORG_SUFFIXES: frozenset[str] = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "group",
        "holdings",
        "nv",
        "bv",
        "lp",
        "llp",
    }
)

# Generational suffixes dropped from personal keys ("W. Mark Felt Sr." = "Mark Felt").
NAME_SUFFIXES: frozenset[str] = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "md", "phd", "mba", "esq", "rn", "dds", "jd", "qc", "mp"}
)

ORG_STOPWORDS: frozenset[str] = frozenset({"of", "for", "the", "and", "&", "on", "in", "de", "at"})

# A word: letters and digits joined by hyphens, apostrophes or dots; a dot before a
# capitalised word ends the word ("Gov.Sarah" -> "Gov.", "Sarah"; "U.S." stays one).
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+|\.(?![A-Z][a-z])[^\W_]+)*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

# Ordered rewrites applied to a folded token; each maps a spelling to one shared form.
_TRANSLIT: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=.)y"), "i"),
    (re.compile(r"tre$"), "ter"),
    (re.compile(r"ei$"), "i"),
    (re.compile(r"w$"), "v"),
    (re.compile(r"(.)\1+"), r"\1"),
)


_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)  # fmt: skip
"""Latin letters whose diacritic Unicode does not decompose ("Łukasik" -> "Lukasik")."""


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics ("Zürich" -> "zurich", "Łódź" -> "lodz")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def translit(token: str) -> str:
    """The transliteration key of one folded token ("yury" and "yuri" -> "iuri")."""
    out = fold(token).replace(".", "").replace("'", "").replace("’", "")
    if len(out) <= 2:
        return out
    for pattern, repl in _TRANSLIT:
        out = pattern.sub(repl, out)
    return out


def words(surface: str) -> list[str]:
    """Split a surface name into words, with possessives removed and hyphens kept."""
    out: list[str] = []
    for match in _WORD.finditer(surface):
        word = _POSSESSIVE.sub("", match.group())
        if word and word.casefold() not in {"s"}:
            out.append(word)
    return out


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*\.?")  # "W.", "A.J.", "J"


def _is_name_word(word: str) -> bool:
    """A word that can carry a name: not a title, credential, suffix or number."""
    low = fold(word).replace(".", "")
    return not (low in TITLES or low in NAME_SUFFIXES or low.isdigit())


def _last_run(surface: str) -> list[str]:
    run: list[str] = []
    best: list[str] = []
    for word in words(surface):
        if _is_capitalised(word) or (run and word.casefold() in NAME_PARTICLES):
            run.append(word)
        else:
            if run:
                best = run
            run = []
    return run or best


def person_words(surface: str) -> list[str]:
    """The words of a personal name: the last run of capitalised words, titles removed.

    Comma-separated parts with no name in them are dropped (ages, credentials:
    "Eric Kirkpatrick, 61", "Regina Benjamin, M.D."). "North Korean leader Kim
    Jong-un" -> ["Kim", "Jong-un"]; "President Putin's" -> ["Putin"].
    """
    best: list[str] = []
    for part in surface.split(","):
        run = _last_run(part)
        if any(_is_name_word(w) and not _INITIALS.fullmatch(w) for w in run):
            best = run
    best = best or _last_run(surface)
    titles = [i for i, w in enumerate(best) if fold(w).rstrip(".") in TITLES]
    if titles and titles[-1] < len(best) - 1:
        best = best[titles[-1] + 1 :]
    return best


# A nickname in brackets or quotes inside a name: Vincent "The Chin" Gigante, Kimani (Kiki) Gray.
_NICKNAME = re.compile(r"""\s*(?:\([^()]*\)|"[^"]*"|“[^”]*”|``.*?''|'[^'\s][^']*'(?=\s))""")


def without_nicknames(surface: str) -> str:
    """``surface`` with bracketed or quoted nicknames removed, for display."""
    return _NICKNAME.sub("", surface)


def person_key_tokens(surface: str) -> tuple[str, ...]:
    """Key tokens of a personal name: hyphens split, initials dropped, transliterated.

    "Kim Jong-un" and "Kim Jong Un" -> ("kim", "jong", "un"); "George W. Bush" ->
    ("george", "bush"). Initials before a lone surname stay, joined, as the given
    name: "A.J. Smith" and "A . J . Smith" -> ("aj", "smith").
    """
    tokens: list[str] = []
    initials: list[str] = []
    for word in person_words(surface):
        for part in re.split(r"[-‐‑]", word):
            bare = part.strip(".")
            low = fold(bare).replace(".", "")
            if not bare or low in NAME_SUFFIXES or low.isdigit():
                continue
            if _INITIALS.fullmatch(bare):
                if not tokens:
                    initials.append(fold(bare).replace(".", ""))
                continue
            tokens.append(translit(bare))
    if len(tokens) == 1 and initials:
        tokens.insert(0, "".join(initials))
    return tuple(tokens)


_ORG_CUT = re.compile(r"\s*(?:[,(]|\s(?:in|at|near|on)\s).*$", re.DOTALL)


def org_key_tokens(surface: str) -> tuple[str, ...]:
    """Key tokens of an organisation or place name.

    A leading "the", company suffixes and a trailing location ("in Malibu", ", Calif")
    are dropped: "the Promises Treatment Centre in Malibu" -> ("promises", "treatment", "center").
    """
    tokens = [translit(w) for w in words(_ORG_CUT.sub("", surface))]
    while tokens and tokens[0] in {"the", "a", "an"}:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in ORG_SUFFIXES:
        tokens = tokens[:-1]
    return tuple(tokens)


def name_head(surface: str) -> str:
    """The last word of a name, a trailing location dropped ("X Center in Malibu" -> "Center")."""
    parts = words(_ORG_CUT.sub("", surface))
    return parts[-1] if parts else ""


def acronym(surface: str) -> str | None:
    """The initials of a multi-word name ("World Institute for Korean Affairs" -> "WIKA")."""
    parts = [w for w in words(surface) if fold(w) not in ORG_STOPWORDS]
    if len(parts) < 2:
        return None
    return "".join(w[0] for w in parts).upper()


def is_acronym(surface: str) -> bool:
    """True for an all-capitals token such as "FBI" or "U.N."."""
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def joined(tokens: Sequence[str]) -> str:
    """A key string insensitive to spacing and hyphenation ("kim jong un" = "kimjongun")."""
    return "".join(tokens)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def name_runs(text: str, sentence_starts: Sequence[int]) -> list[list[tuple[int, str]]]:
    """Runs of capitalised words in ``text``, each word with its offset: the names of a text no
    NER reads (issue 20), in any alphabet with capitals. A word that starts a sentence counts
    only when the text also capitalises it inside a sentence ("Tenemos mucho ..." does not)."""
    starts = sorted({0, *sentence_starts})
    runs: list[list[tuple[int, str]]] = []
    inside: set[str] = set()
    initials: set[int] = set()
    prev_end = -2
    for m in _NAME_WORD.finditer(text):
        word = m.group().rstrip(".’'-")
        if not word or not word[0].isupper():
            prev_end = -2
            continue
        sentence = starts[bisect.bisect_right(starts, m.start()) - 1]
        if any(c.isalnum() for c in text[sentence : m.start()]):
            inside.add(word)
        else:
            initials.add(m.start())
        if runs and prev_end >= 0 and text[prev_end : m.start()] == " ":
            runs[-1].append((m.start(), word))
        else:
            runs.append([(m.start(), word)])
        prev_end = m.start() + len(word)
    out = []
    for run in runs:
        if run[0][0] in initials and run[0][1] not in inside:
            run = run[1:]  # capitalised only for starting the sentence
        if run:
            out.append(run)
    return out


_CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
}  # fmt: skip
"""Cyrillic letters in Latin, after BGN/PCGN (Russian, Ukrainian, Belarusian, Serbian letters)."""
_ROMAN = str.maketrans({**_CYRILLIC, **{k.upper(): v.capitalize() for k, v in _CYRILLIC.items()}})


def romanize(text: str) -> str:
    """``text`` with Cyrillic letters written in Latin ("Путин" -> "Putin", "Новосибирск" ->
    "Novosibirsk"); other scripts unchanged."""
    return text.translate(_ROMAN)


INFLECTION_STEM = 5
INFLECTION_ENDING = 3
"""Two words are one name with another case ending when all but the shorter one's last letter
are the longer one's start, that stem has at least ``INFLECTION_STEM - 1`` letters, and the
longer one has at most :data:`INFLECTION_ENDING` letters more ("putina" / "putin",
"novosibirske" / "novosibirsk", "moskve" / "moskva": Russian and other inflected languages)."""


def inflected(a: str, b: str) -> bool:
    """Whether folded words ``a`` and ``b`` are one name with another case ending."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    stem = short[:-1]
    return (
        len(stem) >= INFLECTION_STEM - 1
        and long.startswith(stem)
        and len(long) - len(short) <= INFLECTION_ENDING
    )
