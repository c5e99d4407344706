"""Page clutter kept out of an article's text: what trafilatura leaves, by general cues.

Two passes, both by the shape and the wording of a block, never by one site's markup:

- :func:`mark_boilerplate` marks blocks of the parsed page before trafilatura reads it
  (trafilatura's ``prune_xpath`` then drops them: :data:`PRUNE_XPATH`): link-dense blocks
  (menus, "Most read" lists, "Read more: <headline>" lines), boxes headed "Most read",
  "Related", "Recommended", "Read more", "More stories", "You may also like"..., sign-up
  forms, captions beside an image; layout tables become plain blocks.
- :func:`clean_text` drops the lines of the extracted text that are prompts (subscribe,
  newsletter, cookies, share, follow, download the app), photo credits and captions,
  copyright and rights lines, time stamps and the byline; the byline becomes the author,
  and the organisations a byline or rights line names become credits.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..outlets import canonical
from .credit import BYLINE, find_credits

if TYPE_CHECKING:
    from lxml.html import HtmlElement

PRUNE_ATTR: Final = "data-storyweave-clutter"
PRUNE_XPATH: Final = f"//*[@{PRUNE_ATTR}]"
"""What :func:`mark_boilerplate` marked, for trafilatura's ``prune_xpath``."""

# Headings of the boxes that list other articles or ask something of the reader.
_BOX_HEADING = re.compile(
    r"""^(?:
        (?:the\s+)?most\s+(?:read|popular|viewed|shared|watched|commented|emailed|recent)
          (?:\s+(?:stories|articles|news|today|now|this\s+week))?
      | (?:related|recommended|suggested|similar|featured|popular|trending|latest|recent|
           top|more|other|further|sponsored|promoted|partner)
          (?:\s+(?:stories|articles|posts|content|news|coverage|links|reading|reads|videos|
                   topics|headlines|items|now|for\s+you|from\s+[\w' .-]{1,40}|on\s+[\w' .-]{1,40}
                   |in\s+[\w' .-]{1,40}|top\s+stories|like\s+this|this\s+section))*
      | read\s+(?:more|next|also|this\s+next)(?:\s+(?:stories|articles|about\s+.{1,40}))?
      | (?:you|we\s+think\s+you)\s+(?:may|might|could)\s+(?:also\s+)?
          (?:like|enjoy|be\s+interested(?:\s+in)?|have\s+missed)
      | also\s+(?:read|see|on\s+[\w' .-]{1,40}|in\s+the\s+news)
      | see\s+(?:also|more)
      | (?:don'?t|do\s+not)\s+miss(?:\s+this)?
      | editor'?s?\s+(?:picks?|choice)
      | (?:must|top)\s+reads?
      | what\s+to\s+read\s+next
      | in\s+other\s+news
      | around\s+the\s+web
      | from\s+(?:around\s+the\s+web|our\s+partners|the\s+archive)
      | (?:more\s+)?(?:top\s+)?(?:stories|headlines)(?:\s+(?:you\s+may\s+have\s+missed|for\s+you))?
      | (?:breaking|latest)\s+news
      | archives?|categories|tags|topics|keywords
      | share(?:\s+(?:this|the|on|via)(?:\s+\w+)?)?
      | like\s+this
      | follow\s+(?:us|\w+)(?:\s+on\s+.{1,40})?
      | (?:get|sign\s+up\s+for|subscribe\s+to)\s+(?:the|our)\s+.{0,40}
      | (?:our|free|daily|weekly|morning|evening|e-?mail)\b.{0,30}\bnewsletters?
      | (?:recent|latest|related|popular)\s+posts
    )\s*[:.!|»›>]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADINGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS: Final = frozenset(
    {
        "div",
        "section",
        "aside",
        "nav",
        "ul",
        "ol",
        "dl",
        "li",
        "p",
        "td",
        "th",
        "table",
        "font",
        "header",
        "footer",
        "menu",
        "span",
        "figure",
        "form",
        "center",
    }
)
_LABEL = re.compile(
    r"^\s*(?:read\s+(?:more|next|also)|related|see\s+also|also\s+read|more|watch|listen|"
    r"recommended|must\s+read|breaking|latest|top\s+story|trending|further\s+reading)"
    r"(?:\s+(?:stories|articles|news))?\s*[:|»›>-]",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def mark_boilerplate(tree: HtmlElement) -> int:
    """Mark the page's clutter blocks with :data:`PRUNE_ATTR`; return how many."""
    _unwrap_layout_tables(tree)
    marked = 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.get(PRUNE_ATTR) is not None:
            continue
        reason = _clutter(el)
        if reason:
            el.set(PRUNE_ATTR, reason)
            marked += 1
    return marked


def _clutter(el: HtmlElement) -> str | None:
    tag = el.tag.lower()
    if tag == "figcaption":
        return "caption"
    if tag in _HEADINGS and _is_box_heading(el):
        box = _box_of(el)
        for part in box:
            part.set(PRUNE_ATTR, "box")
        return "box heading"
    if tag not in _BLOCKS:
        return None
    has_form = tag == "form" or el.find(".//input[@type='email']") is not None
    if has_form and _words(el) <= 80:
        return "form"
    if _is_link_list(el):
        return "links"
    if _is_caption(el):
        return "caption"
    return None


def _text(el: HtmlElement) -> str:
    return " ".join(str(el.text_content()).split())


def _words(el: HtmlElement) -> int:
    return len(_WORD.findall(str(el.text_content())))


def _is_box_heading(el: HtmlElement) -> bool:
    text = _text(el)
    return bool(text) and len(text) <= 60 and bool(_BOX_HEADING.match(text))


def _box_of(heading: HtmlElement) -> list[HtmlElement]:
    """The heading's box: its container when all the container holds besides the heading is
    links or short lines, else the heading and the link lists that follow it."""
    node = heading
    parent = node.getparent()
    while parent is not None and parent.tag.lower() not in ("body", "html", "article", "main"):
        rest = [c for c in parent if c is not node and isinstance(c.tag, str)]
        if rest and all(_is_link_list(c) or _words(c) <= 3 or _link_share(c) >= 0.5 for c in rest):
            node, parent = parent, parent.getparent()
            continue
        break
    if node is not heading:
        return [node]
    out = [heading]
    sib = heading.getnext()
    while sib is not None and isinstance(sib.tag, str) and _link_share(sib) >= 0.5:
        out.append(sib)
        sib = sib.getnext()
    return out


def _link_share(el: HtmlElement) -> float:
    total = _words(el)
    if not total:
        return 0.0
    linked = sum(_words(a) for a in el.iter("a"))
    return linked / total


def _is_link_list(el: HtmlElement) -> bool:
    """A menu or a list of other articles: mostly link text in short links; or one line that
    is a label and a headline ("Read more: <a>...</a>", "RELATED: <a>...</a>")."""
    links = [a for a in el.iter("a") if _words(a)]
    if not links:
        return False
    share = _link_share(el)
    if len(links) >= 3 and share >= 0.7:
        return sum(_words(a) for a in links) / len(links) <= 15
    if share >= 0.6 and _words(el) <= 30:
        head = (el.text or "").strip() or _text(el)
        return bool(_LABEL.match(head)) or len(links) >= 2 or el.tag.lower() in ("li", "nav")
    return False


def _is_caption(el: HtmlElement) -> bool:
    """A short text beside an image in a container that holds nothing else."""
    parent = el.getparent()
    if parent is None or len(parent) > 6:
        return False
    if parent.find("img") is None and parent.find("picture") is None:
        return False
    if _words(el) > 45 or el.find(".//img") is not None:
        return False
    siblings = [c for c in parent if c is not el and isinstance(c.tag, str)]
    if not siblings:
        return False
    return all(c.tag.lower() in ("img", "picture", "source", "video") for c in siblings)


def _unwrap_layout_tables(tree: HtmlElement) -> None:
    """A table holding a cell of prose is the page's layout, not data: its cells become
    blocks, and text broken by ``<br><br>`` becomes paragraphs."""
    for table in list(tree.iter("table")):
        cells = list(table.iter("td", "th"))
        if not any(_words(c) > 60 for c in cells):
            continue
        for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            el.tag = "div"
    for el in list(tree.iter("font", "div", "td")):
        if len(el.findall("br")) >= 2 and _words(el) > 60:
            _split_on_breaks(el)


def _split_on_breaks(el: HtmlElement) -> None:
    from lxml.html import Element

    pieces: list[list[object]] = [[el.text or ""]]
    for child in list(el):
        if child.tag == "br":
            tail = child.tail or ""
            pieces.append([tail])
            el.remove(child)
        else:
            tail = child.tail or ""
            child.tail = None
            el.remove(child)
            pieces[-1].extend([child, tail])
    el.text = None
    for piece in pieces:
        if not any(p.strip() if isinstance(p, str) else True for p in piece):
            continue
        para = Element("p")
        last: HtmlElement | None = None
        for p in piece:
            if isinstance(p, str):
                if last is None:
                    para.text = (para.text or "") + p
                else:
                    last.tail = (last.tail or "") + p
            else:
                para.append(p)
                last = p
        el.append(para)


# --- text lines ------------------------------------------------------------------------

_REPORTAGE = re.compile(r"\b(?:said|says|told|according\s+to)\b|[“”\"]", re.IGNORECASE)
_UI_LINE = re.compile(
    r"""^(?:advertisement|advert|ad|sponsored(?:\s+content)?|paid\s+(?:content|post)|
        scroll\s+to\s+continue(?:\s+with\s+content)?|continue\s+reading|read\s+more|
        show\s+more|load\s+more|see\s+more|view\s+(?:all|more)\b.*|print|email|e-?mail\s+this\b.*|
        printer[-\s]friendly(?:\s+version)?|comments?(?:\s*\(\d+\))?|\d+\s+comments?|
        reuse\s+this\s+content|link\s+copied|copy\s+link|share|save|listen(?:\s+to\s+this\s+article)?
        (?:\s+\d+\s+min)?|\d+\s+min(?:ute)?s?\s+read|skip\s+to\s+(?:main\s+)?content|
        sign\s+in|log\s+in|register|leave\s+a\s+(?:reply|comment))\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PROMPT = re.compile(
    r"""^(?:share\s+(?:this|on|via|the|article|story|post)\b
        |follow\s+(?:us|\w+\s+on)\b
        |(?:click|tap)\s+here\b
        |(?:have|got)\s+a\s+(?:news\s+)?tip\b
        |join\s+[\d,]+\s+other\b)
      |\bdownload\s+(?:our|the)\s+(?:free\s+)?app\b
      |\b(?:send|email)\s+us\b""",
    re.IGNORECASE | re.VERBOSE,
)
# What a blog's feed adds to each item: "The post <title> appeared first on <site>."
_FEED_FOOTER = re.compile(r"^the\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+.{1,100}$", re.I)
_SIGNUP = re.compile(
    r"\b(?:sign(?:ing)?[\s-]up|subscribe|newsletters?|inbox|unsubscribe|e-?mail\s+address)\b",
    re.IGNORECASE,
)
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
# Who a prompt speaks to: the reader, on behalf of the site; or an imperative.
_READER = re.compile(
    r"\b(?:you|your|we|our|us|this\s+(?:web)?site|by\s+(?:continuing|clicking|using))\b"
    r"|^(?:sign|subscribe|get|join|enter|register|don't|never)\b",
    re.IGNORECASE,
)
# A label and a headline in the text: "Read more: ...", "RELATED: ...".
_TEXT_LABEL = re.compile(
    r"^\s*(?:read\s+(?:more|next|also)|related(?:\s+(?:stories|articles|coverage))?|"
    r"see\s+also|also\s+read|watch|listen|recommended|must\s+read|further\s+reading)"
    r"\s*[:|»›>]",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"""(?:\(\s*(?:[A-Z][\w.]*\s+)?(?:photo|photograph|picture|image|video|file)s?\s*
            (?:/|:|by)\s*[^)]{1,60}\)
        |\b(?:photo|photograph|picture|pic|image|video|illustration|credit)s?\s*(?::|by)\s*
            [A-Z][^.:]{0,60}
        |\(?(?:via\s+)?getty\s+images\)?|/\s*(?:afp|reuters|ap|epa|shutterstock)\b[^.]{0,30})\s*\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_RIGHTS = re.compile(
    r"^(?:copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)|©|\(c\)\s*\d{4})|\ball\s+rights\s+reserved\b|"
    r"\bthis\s+material\s+may\s+not\s+be\s+(?:published|reprinted|reproduced|redistributed)",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = r"mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_STAMP_TOKEN = re.compile(
    rf"^(?:{_MONTHS}|{_DAYS}|\d{{1,4}}(?:[:.]\d\d)*(?:am|pm)?|[ap]\.?m\.?|at|on|utc|gmt|bst|cet|"
    r"[ecmp][sd]t|z|ist|jst|aest|\d{1,2}(?:st|nd|rd|th)|[,|·•/-])\.?$",
    re.IGNORECASE,
)
_STAMP_LEAD = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|modified|first\s+published)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted)?\s*:?\s*\d+\s+(?:sec|min|minute|hour|hr|day|week)s?"
    r"\s+ago$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|producer|"
    r"bureau|desk|chief|senior|special|political|business|technology|science|sports?)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-Þ][\wÀ-ÿ.'’-]*|and|&|de|da|van|von|der|la|le|bin|al-?\w*)$")
_CALENDAR = re.compile(rf"^(?:{_MONTHS}|{_DAYS}|today|tonight|evening|morning|noon)$", re.I)
_LEADING_LINES: Final = 6


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The article's text without clutter, and what the clutter told about the article."""

    text: str
    author: str | None
    credits: tuple[str, ...]
    removed: tuple[str, ...]


def clean_text(text: str) -> Cleaned:
    """Drop clutter lines from extracted text; a leading byline becomes the author, and the
    organisations a byline or a rights line names become credits."""
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[str] = []
    credits: list[str] = []
    author: str | None = None
    leading = True
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        bare = line.removeprefix("- ").strip()
        if leading and author is None and (who := byline_author(bare)) is not None:
            author = who
            credits.extend(find_credits(bare + "\nx").names)
            removed.append(line)
            continue
        if _RIGHTS.search(bare) and len(bare.split()) <= 60:
            credits.extend(find_credits("x\n" + bare).names)
            removed.append(line)
            continue
        if is_clutter_line(bare, leading=leading):
            removed.append(line)
            continue
        kept.append(line)
        if len(kept) >= _LEADING_LINES or len(bare.split()) >= 25:
            leading = False
    return Cleaned(
        text="\n".join(kept),
        author=author,
        credits=tuple(dict.fromkeys(credits)),
        removed=tuple(removed),
    )


def is_clutter_line(line: str, *, leading: bool = False) -> bool:
    """A line of page furniture: a UI label, a prompt, a photo credit, a time stamp."""
    words = line.split()
    if not words:
        return False
    if len(words) <= 8 and _UI_LINE.match(line):
        return True
    if _is_stamp(line):
        return True
    if len(words) <= 40 and _PHOTO_CREDIT.search(line) and not _REPORTAGE.search(line):
        return True
    if _TEXT_LABEL.match(line) and len(words) <= 25:
        return True
    if len(words) <= 12 and _BOX_HEADING.match(line):
        return True
    if _FEED_FOOTER.match(line):
        return True
    if len(words) > 45 or _REPORTAGE.search(line):
        return False
    if _PROMPT.search(line):
        return True
    if _SIGNUP.search(line) and _READER.search(line):
        return True
    return bool(_COOKIES.search(line) and _READER.search(line))


def _is_stamp(line: str) -> bool:
    if _AGO.match(line):
        return True
    rest = _STAMP_LEAD.sub("", line)
    if not rest.strip():
        return False
    tokens = [t for t in re.split(r"\s+|(?<=,)", rest) if t]
    if len(tokens) > 12 or not any(any(ch.isdigit() for ch in t) for t in tokens):
        return False
    stamp = all(_STAMP_TOKEN.match(t.strip(",")) or not t.strip(",") for t in tokens)
    if stamp:
        return True
    # "Updated 47 min ago" after a date: "Mar 2, 2026 Updated 47 min ago"
    m = re.search(r"\s(?:updated|published|posted)\b", rest, re.IGNORECASE)
    if m is None:
        return False
    return _is_stamp(rest[: m.start()]) and _is_stamp(rest[m.start() :].strip())


def byline_author(line: str) -> str | None:
    """The people a byline line names ("By JANE DOE Associated Press" -> "Jane Doe";
    "By Carl Jensen, Sentinel Staff Writer" -> "Carl Jensen"), else None."""
    m = BYLINE.match(line + "\n")
    if not m or not re.match(r"^\s*By\b", line):
        return None
    return author_names(m.group("who"))


def author_names(who: str) -> str | None:
    """People's names from an author field or byline: organisations, roles and places
    dropped, capitals made title case, several joined with "and"."""
    who = re.sub(r"\s*\|\s*", ", ", who.strip())
    parts = [p.strip() for p in re.split(r"\s*(?:;|,|\band\b|&)\s*", who) if p.strip()]
    names: list[str] = []
    for part in parts:
        part = re.sub(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$", "", part)
        part = _strip_org(part)
        if not part or canonical(part) or _ROLE.search(part):
            continue
        tokens = part.split()
        if len(tokens) > 5 or not all(_NAME_TOKEN.match(t) for t in tokens):
            return None
        if any(_CALENDAR.match(t) for t in tokens):  # "By Monday Evening" is no byline
            return None
        if part.isupper():
            part = " ".join(t.capitalize() for t in tokens)
        names.append(part)
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _strip_org(part: str) -> str:
    """ "JANE DOE Associated Press" -> "JANE DOE": a known organisation at the end goes."""
    words = part.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        if canonical(" ".join(words[-n:])):
            return " ".join(words[:-n])
    return part
