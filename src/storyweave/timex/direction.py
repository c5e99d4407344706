"""Which way an underspecified expression points: back from the publication date or ahead.

"this weekend", "on Friday", "in October", "the weekend" name a period without saying
which occurrence. A reader takes it from the verb that governs the expression, and from
the publication date. The rule is written once, here, and every placement uses it
(:func:`storyweave.timex.resolve.place_weekday`, ``place_year``, the weekend):

- a future ("will sing", "plans to", "is to", "has promised ... in October") points ahead;
- else a perfect ("have cleared", "had rehearsed") or a past tense ("cleared") points back;
- else a present of the governing verb ("sings on Friday", "takes
  place this weekend": news uses the present for what is scheduled) or a present
  progressive ("is singing on Friday") points ahead; a present elsewhere in the sentence,
  or a verb above an expression that modifies a noun ("Tuesday's declaration follows"),
  says nothing;
- with no verb to go by, the expression has no direction and each placement uses its
  own default (a bare weekday: the past one, TimeBank's 76 past to 5 future).

Tense and aspect come from :mod:`storyweave.timex.tense`.
"""

from __future__ import annotations

from typing import Literal

from .tense import Aspect, Tense

Direction = Literal["past", "future"]


def direction(
    tense: Tense | None, aspect: Aspect | None, *, governed: bool = True
) -> Direction | None:
    """The direction the verb gives an underspecified expression, or None.

    ``governed`` is False when the tense is not that of the verb governing the expression
    (a cue found nearby, or the expression modifies a noun: "Tuesday's declaration", "a
    June agreement"); a present then says nothing about the expression.
    """
    if tense == "future":
        return "future"  # "has promised new boats in October": the promise looks ahead
    if aspect == "perfect" or tense == "past":
        return "past"
    if governed and (tense == "present" or aspect == "progressive"):
        return "future"
    return None
