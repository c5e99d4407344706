"""Every calibrated threshold of the time stage, in one place, with the data it was fixed on.

"tune" is the 70% of TempEval-3 training documents (TimeBank + AQUAINT) that
``evals/tempeval.py`` puts in its tune part by a hash of the document id; the other
30% ("check") was never used to pick a value. See docs/stages/timex.md.
"""

from __future__ import annotations

from typing import Final

TENSE_REACH_DAYS: Final[dict[tuple[str, str], int]] = {
    ("past", "day"): 240, ("future", "day"): 240, ("past", "month"): 320,
    ("future", "month"): 366, ("past", "season"): 320, ("future", "season"): 366,
}  # fmt: skip
"""The direction may move a year-less date to the past or future occurrence only when that
occurrence lies within this many days; farther, the nearest one wins ("extended the offer
to Nov. 20", written on Nov. 2, is this November). Fixed on TimeBank (issue 4)."""

FUTURE_WEIGHT: Final = 1.5
"""Future cues count as this much nearer: "has announced plans for ... in October" puts the
plan before the perfect. Fixed on TimeBank (issue 4)."""

CLAUSE_PENALTY: Final = 30
"""A tense cue across a comma or dash counts as this many characters farther away. Fixed on
TimeBank (issue 4)."""

REST_COVER: Final = 0.75
""""later this year" / "earlier this year" is the rest of the year after / before the
publication date, written as the finest part of the year (half, quarter) that holds at
least this share of that rest: on 12 September "later this year" is Q4 (84% of the rest),
"earlier this year" the year (H1 holds 71%). Set by reading, checked on the tune part (10
"earlier/later this" expressions, 8 right before and after)."""

REST_EDGE: Final = 0.5
"""When no part qualifies, the rest keeps the mod START / END ("earlier this month" on the
5th: early in the month) only when it is at most this share of the period. Set by reading,
as REST_COVER."""
