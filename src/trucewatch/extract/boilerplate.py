"""Boilerplate removal for plain-text news pages (and a second pass over HTML extractions).

Copy-pasted or scraped pages carry the site around the story: navigation labels, image
placeholders and captions, share widgets, tag lists, comment forms, newsletter prompts,
and legal notices about the outlet. Each rule below is named (the name is recorded for
every paragraph it removes, so a wrong removal can be traced) and says what it removes.
The rules are written for news sites in general, not for one outlet.

One structural rule does most of the work on footers: once a credit line ("With reporting
by ...", "Reporting by ...; Editing by ...") follows some body text, the rest is footer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from trucewatch.extract.credits import find_credits, is_credit_line
from trucewatch.extract.dates import dateline_date, header_date

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"[\w’'-]+")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙]|[-*]\s)\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# a run of two or more spaces, or a tab: how plain-text copies of menus separate their items
_GAP = re.compile(r"[ \u00a0\u2009\u202f]*\t[ \t\u00a0\u2009\u202f]*|[ \u00a0\u2009\u202f]{2,}")
GAP = "  "

# Navigation labels, skip links and section headers, compared after lowercasing and
# dropping punctuation. Single words here are only removed when they are a whole line.
NAV_LABELS = frozenset(
    {
        "accessibility links",
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "jump to content",
        "breaking news",
        "menu",
        "main menu",
        "open menu",
        "close menu",
        "navigation",
        "search",
        "home",
        "homepage",
        "share",
        "share this",
        "share this article",
        "share this story",
        "print",
        "print this page",
        "comments",
        "comment",
        "advertisement",
        "sponsored",
        "sponsored content",
        "related",
        "related stories",
        "related articles",
        "related content",
        "related topics",
        "more on this story",
        "more stories",
        "most read",
        "most popular",
        "most viewed",
        "top stories",
        "latest",
        "latest news",
        "latest stories",
        "read more",
        "see also",
        "back to top",
        "next article",
        "previous article",
        "next",
        "previous",
        "sections",
        "log in",
        "login",
        "sign in",
        "register",
        "subscribe",
        "newsletter",
        "follow us",
        "listen",
        "listen to this article",
        "watch",
        "watch live",
        "live",
        "video",
        "audio",
        "gallery",
        "image",
        "photo",
        "close",
        "loading",
        "loading...",
        "toggle navigation",
        "english",
        "languages",
        "you may also like",
        "recommended",
        "trending",
        "editor's picks",
        "editors picks",
    }
)
# Networks and actions that make up share widgets ("Facebook Twitter WhatsApp Email").
SHARE_WORDS = frozenset(
    {
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "email",
        "e-mail",
        "mail",
        "linkedin",
        "reddit",
        "pinterest",
        "vk",
        "messenger",
        "viber",
        "copy",
        "link",
        "copied",
        "print",
        "share",
        "tweet",
        "on",
        "via",
        "bluesky",
        "threads",
        "flipboard",
    }
)


def _key(line: str) -> str:
    """A line as compared against label lists: lowercase, no punctuation, single spaces."""
    return " ".join(_WORD.findall(line.lower().replace("’", "'")))


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(paragraph: str) -> bool:
    """A sentence-bearing paragraph, as opposed to a label, heading or caption fragment."""
    return _words(paragraph) >= 12 and bool(_TERMINAL.search(paragraph) or '"' in paragraph)


@dataclass
class _State:
    """What rules may consult: the outlet's name and the title, when known."""

    outlet: str | None = None
    title: str | None = None


Rule = Callable[[str, _State], bool]


# nav-label: a whole line that is a navigation label or skip link ("Accessibility links").
def _nav_label(line: str, _state: _State) -> bool:
    return _key(line) in NAV_LABELS


_MENU_SEPARATOR = re.compile(r"\s+[|•·/»>›]\s+|\s{2,}")
# Section labels that name a menu row when it is printed with single spaces ("Menu Home
# World Middle East"); menus with separators or gaps need no vocabulary.
SECTION_LABELS = frozenset(
    {
        "home",
        "news",
        "world",
        "latest",
        "sections",
        "search",
        "opinion",
        "sport",
        "sports",
        "business",
        "politics",
        "region",
        "regions",
        "contact",
        "about",
        "video",
        "live",
        "markets",
        "culture",
        "life",
        "more",
        "analysis",
        "reports",
        "podcasts",
        "subscribe",
        "archive",
    }
)


# menu-bar: a row of short labels separated by pipes, bullets, "›" or gaps of several
# spaces ("Home | World | Middle East", "Menu   Latest   Syria   Iraq"), mostly capitalised
# and with no sentence punctuation; or "Menu" followed by capitalised section labels.
def _menu_bar(line: str, _state: _State) -> bool:
    parts = [part for part in _MENU_SEPARATOR.split(line.strip()) if part]
    if len(parts) >= 3 and all(0 < _words(part) <= 3 for part in parts):
        capitalised = sum(part[:1].isupper() or part[:1].isdigit() for part in parts)
        sentence_like = any(re.search(r"[.!?,;:]$", part) for part in parts)
        return capitalised * 3 >= len(parts) * 2 and not sentence_like
    words = _WORD.findall(line)
    return (
        len(words) >= 3
        and _words(line) <= 12
        and words[0] == "Menu"
        and all(word[:1].isupper() for word in words)
        and not _TERMINAL.search(line)
        and any(word.lower() in SECTION_LABELS for word in words[1:])
    )


# share-widget: a line made only of network names and share actions.
def _share_widget(line: str, _state: _State) -> bool:
    words = _key(line).split()
    if re.match(r"^(share|click to share|share on|share via)\b", _key(line)) and len(words) <= 8:
        return True
    return bool(words) and len(words) <= 12 and all(word in SHARE_WORDS for word in words)


_IMAGE_LABEL = re.compile(
    r"^(?:\d+\s*[x×:]\s*\d+\s+(?:image|photo|video)"  # "16x9 Image" (a responsive-image slot)
    r"|(?:image|photo|picture|media|video)\s*(?:caption|source|credit|copyright)\b"  # BBC-style
    r"|(?:photo|photograph|picture|pictured|file photo|illustration)\s*:"  # "Photo: ..."
    r"|(?:image|photo|video|gallery)\s*\d+\s*(?:of|/)\s*\d+\b"  # "Image 3 of 12"
    r"|(?:enlarge|expand|view)\s+(?:image|photo|gallery)\b)",
    re.I,
)
_PHOTO_AGENCY = re.compile(
    r"getty images|ap photo|shutterstock|epa-efe|\bepa\b|reuters/|afp/|/afp\b|/reuters\b"
    r"|\bvia getty\b|file photo|anadolu/|\bsputnik/",
    re.I,
)


# image-placeholder: image slots, caption labels and photo-agency credit lines.
def _image_placeholder(line: str, _state: _State) -> bool:
    if _IMAGE_LABEL.match(line.strip()):
        return _words(line) <= 60
    return _words(line) <= 12 and not _TERMINAL.search(line) and bool(_PHOTO_AGENCY.search(line))


_COMMENT_FORM = re.compile(
    r"^(?:leave a (?:comment|reply)|post a comment|add (?:a |your )?comment|post comment"
    r"|join the (?:conversation|discussion)|show comments|view comments|hide comments"
    r"|log in to comment|sign in to comment|comment as (?:a )?guest|\d+\s+comments?"
    r"|comments?\s*\(\d+\)|name\s*\*|e-?mail\s*\*|website|submit|cancel reply"
    r"|your email address will not be published|required fields are marked"
    r"|save my name, email|notify me of (?:new|follow-up)|community guidelines"
    r"|comments are (?:closed|moderated)|be the first to comment)",
    re.I,
)


# comment-form: comment counters, headers and form fields.
def _comment_form(line: str, _state: _State) -> bool:
    return bool(_COMMENT_FORM.match(line.strip())) and _words(line) <= 30


_TAG_LIST = re.compile(
    r"^(?:tags?|topics?|keywords?|filed under|categor(?:y|ies)|related topics|more on|"
    r"related|see also|read also|also read|read more|more from [\w/ -]+)\s*:",
    re.I,
)


# tag-list: "Tags: Syria, Aleppo, ceasefire" and "Read more: ..." link lines.
def _tag_list(line: str, _state: _State) -> bool:
    return bool(_TAG_LIST.match(line.strip())) and _words(line) <= 40


_STAMP = re.compile(
    r"^(?:(?:updated|published|posted|last updated|first published|modified)\s*:?\s*.{0,60}"
    r"|\d+\s+min(?:ute)?s?\s+read|\d+\s+(?:minutes?|hours?|days?)\s+ago"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s.{0,40}"
    r"|\d{1,2}[ /.-]\w{3,9}[ /.-]\d{2,4}(?:\s*,?\s*\d{1,2}:\d{2}.{0,10})?"
    r"|\w{3,9}\.?\s+\d{1,2},?\s+\d{4}(?:\s*,?\s*\d{1,2}:\d{2}.{0,12})?)$",
    re.I,
)


# timestamp: a line that is only a date, time or reading time ("Updated 14:05 GMT").
def _timestamp(line: str, _state: _State) -> bool:
    return (
        _words(line) <= 12
        and not _TERMINAL.search(line.rstrip("."))
        and bool(_STAMP.match(line.strip()))
    )


_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|all rights reserved"
    r"|may not be (?:re)?published, broadcast|rewritten or redistributed"
    r"|terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice|settings)"
    r"|\bcookies?\b.{0,60}\b(?:accept|consent|use|settings|policy)",
    re.I,
)


# legal-line: copyright lines, "All rights reserved", terms, privacy and cookie notices.
def _legal_line(line: str, _state: _State) -> bool:
    return _words(line) <= 80 and bool(_LEGAL.search(line))


_PROMPT = re.compile(
    r"\b(?:click here|to find out more|find out more|learn more|read more|sign up|subscribe"
    r"|newsletter|download (?:our|the) app|follow us|get the latest|straight to your inbox"
    r"|support (?:our|independent) journalism|donate|become a (?:member|supporter)"
    r"|turn on notifications|get alerts|get our|read our (?:archive|coverage|full))\b",
    re.I,
)
_SPEECH = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b", re.I)


# promo-prompt: newsletter, subscription, app, donation and "click here" prompts.
def _promo_prompt(line: str, _state: _State) -> bool:
    return _words(line) <= 40 and bool(_PROMPT.search(line)) and not _SPEECH.search(line)


_SELF = re.compile(r"\b(?:we|our|us)\b", re.I)
_JOURNALISM = re.compile(
    r"\b(?:journalis(?:ts?|m)|report(?:s|ing)? the news|free press|newsroom|uncensored"
    r"|independent (?:media|news|reporting)|our (?:content|reporting|coverage|stories|audience))\b",
    re.I,
)
_NOTICE = re.compile(
    r"undesirable organi[sz]ation|foreign agent|extremist organi[sz]ation"
    r"|fines or imprisonment|criminal liability|blocked in (?:russia|your country)",
    re.I,
)


def _names_outlet(line: str, state: _State) -> bool:
    return bool(state.outlet) and line.strip().casefold().startswith(str(state.outlet).casefold())


# outlet-notice: the outlet talking about itself ("We provide uncensored news ...") or legal
# notices about it ("X has been declared an undesirable organization"); not quoted speech.
def _outlet_notice(line: str, state: _State) -> bool:
    if _SPEECH.search(line):
        return False
    about_us = bool(_SELF.search(line)) or _names_outlet(line, state)
    return about_us and bool(_JOURNALISM.search(line) or _NOTICE.search(line))


RULES: tuple[tuple[str, Rule], ...] = (
    ("nav-label", _nav_label),
    ("menu-bar", _menu_bar),
    ("share-widget", _share_widget),
    ("image-placeholder", _image_placeholder),
    ("comment-form", _comment_form),
    ("tag-list", _tag_list),
    ("timestamp", _timestamp),
    ("legal-line", _legal_line),
    ("promo-prompt", _promo_prompt),
    ("outlet-notice", _outlet_notice),
)

# Headers after which a page holds only comments.
_FOOTER_HEADER = re.compile(
    r"^(?:comments?|leave a (?:comment|reply)|join the conversation)\s*:?$",
    re.I,
)
# related-links: a heading over a list of other stories' headlines. The list can sit in the
# middle of a story, so it is removed up to the first blank line or story paragraph, and
# the story goes on after it.
_RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+[\w’'-]+){0,2}|more (?:on|from|about)(?:\s+[\w’'/-]+){1,4}"
    r"|more stories|read more|read next|read also|also read|see also|further reading"
    r"|most (?:read|popular|viewed|shared)|you (?:may|might) also like|recommended(?: for you)?"
    r"|top stories|latest (?:news|stories|headlines)|what to read next)\s*:?$",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪●◦‣∙>›»]|[-*]\s|\d{1,2}[.)]\s)\s*")
# At most this many headlines follow one related-links heading (the samples have 2-3).
MAX_RELATED_ITEMS = 12
# A headline in a related-links list is short: tuned on the sample corpus, where the
# longest listed headline has 10 words.
MAX_HEADLINE_WORDS = 16
# "By Jane Doe", "By Jane Doe and Ali Karim", "By Euphrates Review staff", "By our Idlib
# correspondent", "By the Courier's foreign desk"
_BYLINE = re.compile(
    r"^[Bb]y\s+("
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s+and\s+.+)?"
    r"|(?:(?:the|our|an?)\s+)?(?:[\w.'’-]+\s+){0,4}"
    r"(?:staff|correspondents?|reporters?|desk|team|bureau|newsroom|writers?|editors?)"
    r")$"
)
# A date line is read as the page's publication date only in the page's header: before the
# story's first sentence and among its first lines. The samples put it at most 9 lines down
# (under skip links, menus, outlet name, section, headline and byline).
HEADER_DATE_LINES = 12


def split_paragraphs(text: str, *, unwrap: bool = True, layout: bool = False) -> list[str]:
    """Paragraphs of a plain text; with `unwrap`, hard-wrapped lines are joined back.

    With `layout`, what the cleaning rules read from the page's layout is kept: gaps of
    several spaces inside a line stay as two spaces (menus are printed that way), and an
    empty string marks each blank line between blocks. `clean_paragraphs` removes both.
    """
    paragraphs: list[str] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    for number, block in enumerate(blocks):
        if layout and number and paragraphs and paragraphs[-1]:
            paragraphs.append("")
        lines = [_normalise_spaces(line, layout) for line in block.split("\n")]
        current: list[str] = []
        for line in (line for line in lines if line):
            joins = (
                unwrap
                and current
                and len(current[-1]) >= 50
                and not _BULLET.match(line)
                and (not _TERMINAL.search(current[-1]) or line[:1].islower())
            )
            if joins:
                current[-1] = f"{current[-1]} {line}"
            else:
                current.append(line)
        paragraphs.extend(current)
    return paragraphs


def _normalise_spaces(line: str, keep_gaps: bool) -> str:
    if keep_gaps:
        return GAP.join(_SPACES.sub(" ", part).strip() for part in _GAP.split(line.strip()))
    return _SPACES.sub(" ", line).strip()


@dataclass
class Cleaned:
    """The outcome of cleaning: title, body paragraphs, credits, and what was removed why."""

    title: str | None
    paragraphs: list[str]
    credits: tuple[str, ...]
    author: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule, paragraph)
    published: date | None = None  # from a date line at the top of the page ("15 Feb 2016")


def _footer_start(paragraphs: list[str]) -> int | None:
    """Index where the footer begins: a credit line or footer header after body text."""
    total = sum(len(p) for p in paragraphs) or 1
    seen_chars = 0
    prose = 0
    for index, paragraph in enumerate(paragraphs):
        stripped = _BULLET.sub("", paragraph)
        marks_footer = is_credit_line(stripped) or bool(_FOOTER_HEADER.match(stripped))
        if marks_footer and (prose >= 2 or seen_chars / total >= 0.5):
            return index
        seen_chars += len(paragraph)
        prose += is_prose(paragraph)
    return None


def clean_paragraphs(
    paragraphs: list[str], *, outlet: str | None = None, title: str | None = None
) -> Cleaned:
    """Apply the footer cut and the named rules; pick a title when none is known."""
    removed: list[tuple[str, str]] = []
    footer = _footer_start(paragraphs)
    body_part = paragraphs if footer is None else paragraphs[:footer]
    if footer is not None:
        credit_line = paragraphs[footer]
        credits = find_credits([*body_part, credit_line])
        removed.extend(("footer", p) for p in paragraphs[footer:])
    else:
        credits = find_credits(paragraphs)
    state = _State(outlet=outlet, title=title)
    kept: list[str] = []
    author: str | None = None
    published: date | None = None
    previous_rule: str | None = None
    previous = ""
    related_items: int | None = None  # headlines removed since a related-links heading
    line_number = -1
    for raw in body_part:
        if raw == "":  # a blank line (split_paragraphs with layout=True)
            related_items = None
            continue
        line_number += 1
        if related_items is not None and _ends_related(raw, related_items):
            related_items = None
        if related_items is not None:
            removed.append(("related-links", raw))
            related_items += 1
            continue
        # header-date: the page's date line among the first lines ("Monday 15 February 2016")
        in_header = line_number < HEADER_DATE_LINES and not any(is_prose(p) for p in kept)
        if published is None and in_header:
            found = header_date(_SPACES.sub(" ", raw))
            if found is not None:
                published, rest = found
                removed.append(("header-date", raw))
                if rest is None:
                    continue
                raw = rest
        if _RELATED_HEADING.match(_SPACES.sub(" ", raw).strip()):
            removed.append(("related-links", raw))
            related_items = 0
            continue
        rule = _drop_rule(raw, previous, previous_rule, state)
        previous, previous_rule = raw, rule
        if rule is not None:
            removed.append((rule, raw))
            continue
        paragraph = _SPACES.sub(" ", _BULLET.sub("", raw)).strip()
        # credit-line: a credit inside the body ("(AFP)" alone) is metadata, not text
        if is_credit_line(paragraph):
            removed.append(("credit-line", raw))
            continue
        byline = _BYLINE.match(paragraph)
        if byline and author is None and _words(paragraph) <= 12:
            author = byline.group(1)
            removed.append(("byline", raw))
            continue
        kept.append(paragraph)
    kept, title = _take_title(kept, title, removed)
    return Cleaned(
        title=title,
        paragraphs=kept,
        credits=credits,
        author=author,
        removed=removed,
        published=published,
    )


def _ends_related(line: str, items: int) -> bool:
    """True when `line` is no longer a headline in a related-links list."""
    if items >= MAX_RELATED_ITEMS:
        return True
    item = _LIST_ITEM.match(line)
    text = _SPACES.sub(" ", line[item.end() :] if item else line).strip()
    if item:
        return _words(text) > MAX_HEADLINE_WORDS
    headline = (
        0 < _words(text) <= MAX_HEADLINE_WORDS
        and text[:1].isupper()
        and not _TERMINAL.search(text.rstrip("?"))
        and not is_prose(text)
    )
    return not headline or any(test(text, _State()) for _name, test in RULES)


def _drop_rule(raw: str, previous: str, previous_rule: str | None, state: _State) -> str | None:
    """The name of the rule that removes this paragraph, or None to keep it."""
    paragraph = raw
    bullet = _BULLET.match(paragraph)
    if bullet:
        paragraph = paragraph[bullet.end() :].strip()
        # bullet-link: short bulleted items are link lists and menus, not story text
        if _words(paragraph) < 8:
            return "bullet-link"
    flat = _SPACES.sub(" ", paragraph)  # only menu-bar reads the gaps between menu items
    rule = next(
        (name for name, test in RULES if test(paragraph if name == "menu-bar" else flat, state)),
        None,
    )
    if rule is not None:
        return rule
    # repeated-line: a caption printed twice, or any paragraph that repeats the one before
    if previous and _key(previous) == _key(raw):
        return "repeated-line"
    # image-caption: the short line under an image slot, before the story's sentences
    after_image = previous_rule == "image-placeholder"
    if after_image and not is_prose(flat) and dateline_date(flat) is None:
        return "image-caption"
    return None


def _heading_like(paragraph: str) -> bool:
    words = _words(paragraph)
    return (
        2 <= words <= 25
        and not paragraph.rstrip().endswith((".", ":", ";", ","))
        and paragraph[:1].isupper()
        and dateline_date(paragraph) is None
    )


def _take_title(
    kept: list[str], title: str | None, removed: list[tuple[str, str]]
) -> tuple[list[str], str | None]:
    """Drop the known title from the body, or take the headline from above the prose.

    Without a known title, mastheads above the headline (outlet name, section label) go too.
    """
    if title:
        key = _key(title)
        body = [p for p in kept if _key(p) != key]
        removed.extend(("title", p) for p in kept if _key(p) == key)
        return body, title
    heads: list[int] = []
    for index, paragraph in enumerate(kept[:5]):
        if is_prose(paragraph):
            break
        if _heading_like(paragraph):
            heads.append(index)
    if not heads:
        return kept, None

    # masthead: the outlet's name and section labels ("KILIS GATE NEWS", "MIDDLE EAST")
    # printed above the headline are short or in capitals; the headline is the first
    # heading that is neither, else the last heading before the story.
    def masthead(index: int) -> bool:
        words = _words(kept[index])
        return (kept[index].isupper() and words <= 6) or words <= 4

    title_index = next((i for i in heads[:-1] if not masthead(i)), heads[-1])
    mastheads = [i for i in range(title_index) if not _TERMINAL.search(kept[i]) and masthead(i)]
    removed.extend(("masthead", kept[i]) for i in mastheads)
    removed.append(("title", kept[title_index]))
    drop = {title_index, *mastheads}
    return [p for i, p in enumerate(kept) if i not in drop], kept[title_index]


__all__ = ["NAV_LABELS", "RULES", "Cleaned", "clean_paragraphs", "is_prose", "split_paragraphs"]
