"""Separate a saved news page's article body (with its byline) from its site boilerplate, and read its title,
publisher and date.

Works on plain text as saved from a web page: one paragraph or menu item per line; a hard-wrapped text (a plain-text
archive's, at 72 or 80 columns) has its wrapped lines joined back into paragraphs first. Every kept span is an exact
character range of the original text, so citations can be checked against the file on disk.
"""

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

UNKNOWN = "unknown"

_BOILERPLATE = re.compile(
    r"cookie|ad ?blocker|all rights reserved|press enter to search|press esc|subscribe|newsletter|sign up"
    r"|follow (us )?on (google|twitter|facebook|flipboard|instagram)|click to|read more|related articles"
    r"|email address will not be published|required fields|if you want to (read|watch)|leave a (reply|comment)"
    r"|you might like|editor'?s picks|advertisement|trending|download (now )?the|privacy policy|terms of (use|service)"
    r"|back to top|skip to (main )?content|copy link|share this|mins? read|accept all",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "»")
_TERMINATOR = re.compile(r"[.!?](?=[\s\"”’')»]|$)")
_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PATTERNS = (
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    re.compile(_MONTH_RE + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE),
    re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"\.?,?\s+(\d{4})", re.IGNORECASE),
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?([A-Z][\w&.' -]{1,40}?)(?:[.,|]|\s+all rights|$)", re.IGNORECASE
)
_BYLINE_PUBLISHER = re.compile(r"(?:news team of|published by|©)\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})")
_TRAILING_CREDIT = re.compile(r"\(([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})\)\s*$")
_WIRE_CREDIT = re.compile(
    r"^[A-Z][A-Z .'-]+,\s+(?i:" + _MONTH_RE + r")\.?\s+\d{1,2}\s+\(([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})\)"
)
# A masthead: one to six capitalised words ("Northwire", "THE CORRIN COURIER", "Saltmere Observer — Coast & Islands").
_MASTHEAD = re.compile(r"^[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|&|—|-|of|the|and)){0,5}$")
# Menu items and section labels stand there too ("Close Menu", "World News", "General").
_MENU_WORDS = re.compile(
    r"^(?:close |main |open |top |breaking |latest |world )?(?:menu|home|search|news|world|sign in|log in|contents?"
    r"|general|politics|business|sports?|opinion|local|health|tech(?:nology)?|markets?|culture|science|lifestyle"
    r"|entertainment|stories|headlines|weather|video|live)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]{1,5}[A-Z]\b")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class CleanArticle:
    """An article's body paragraphs and byline (offsets into ``text``) and what the page says about it."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    title: str
    publisher: str
    published: str
    # the line the page puts above its story: the title, or on a page that gives none the line opening its story
    # (a sentence is read under it, never cited or shown as the article's title)
    headline: str = UNKNOWN
    byline: tuple[int, int] | None = None  # the first byline that names someone, also among the paragraphs
    dateline: tuple[int, int] | None = None  # the date under the headline that ``published`` was read from
    credit: tuple[int, int] | None = None  # where the page names its publisher


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, stripped, with their exact offsets in ``text``; in a hard-wrapped text, its wrapped lines
    joined back into the paragraphs they came from (``_unwrapped``)."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return _unwrapped(text, lines)


# A text is hard-wrapped (as plain-text archives and e-mailed stories are, at 72 or 80 columns) when none of its
# lines is longer than this, and a line that stops short of a sentence's end runs on into the next. A page saved from
# the web puts each paragraph on one line, most of them longer than this.
MAX_WRAP_WIDTH = 132


def _unwrapped(text: str, lines: list[Line]) -> list[Line]:
    """In a hard-wrapped text, each run of lines that wrap into the next (``_wraps``) as one line: its span runs from
    the first line's start to the last line's end, its text is theirs joined by spaces. Other texts as they are (a
    page of short one-line paragraphs, each ending its sentence, is no wrapped text)."""
    width = max((len(line.text) for line in lines), default=0)
    if width > MAX_WRAP_WIDTH:
        return lines
    alone = [_stands_alone(line) for line in lines]
    wraps = [
        _wraps(text, line, after, width) and not (alone[i] or alone[i + 1])
        for i, (line, after) in enumerate(pairwise(lines))
    ]
    if not any(wrap and not _written_as_sentence(line.text) for line, wrap in zip(lines, wraps, strict=False)):
        return lines
    joined = lines[:1]
    for line, wrap in zip(lines[1:], wraps, strict=True):
        if wrap:
            last = joined.pop()
            joined.append(Line(last.start, line.end, f"{last.text} {line.text}"))
        else:
            joined.append(line)
    return joined


def _wraps(text: str, line: Line, after: Line, width: int) -> bool:
    """``line`` may run on into ``after``: no blank line parts them, and the first word of ``after`` would not have
    fitted on it within the text's width (which is why the line broke there). A headline over its story's first line,
    or a list of links, has room left for the next line's first word. (Neither may be a line that stands alone.)"""
    return (
        text.count("\n", line.end, after.start) == 1
        and len(line.text) + 1 + len(re.split(r"[ \t]", after.text)[0]) > width
    )


def _stands_alone(line: Line) -> bool:
    """A byline, dateline, menu or boilerplate: a line of its own, never part of a wrapped paragraph."""
    text = line.text
    return (
        reads_as_byline(text)
        or reads_as_dateline(text)
        or _reads_as_menu(text)
        or _MENU.search(text) is not None
        or is_boilerplate(line)
    )


def is_boilerplate(line: Line) -> bool:
    return line.words < 25 and _BOILERPLATE.search(line.text) is not None


def is_prose(line: Line) -> bool:
    """A line that reads as running text: long enough and ending like a sentence."""
    text = line.text
    if text.endswith(("…", "...")) and line.words < 25:
        return False  # a teaser for another article
    return line.words >= 8 and _written_as_sentence(text) and not is_boilerplate(line)


def _written_as_sentence(text: str) -> bool:
    return _TERMINATOR.search(text) is not None and text.endswith(_SENTENCE_END)


# "By Priya Okonjo, Health Reporter" and "Home | News | Health | Sport" are a byline and a menu, not headlines.
_BYLINE_OPENER = r"(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Ww]ords by|[Ww]ords:|[Rr]eporter:|[Aa]uthor:)"
_BYLINE = re.compile(rf"^{_BYLINE_OPENER}\s", re.IGNORECASE)
_MENU = re.compile(r"\|.*\|")


# A byline that names someone ("By Senna Albright", "Reporting by Keld Amsel; Editing by Rosa Fint", "Words: Ruth
# Abelard") is kept as a paragraph of its own, so that "who wrote it?" has a span to cite; so is one that gives the
# writer's name and trade, with no "By" ("Nadia Ferro, Business reporter").
_NAMED_BYLINE = re.compile(rf"^{_BYLINE_OPENER}\s+[A-Z][\w'.-]*\s+[A-Z]")
_NAME_AND_TRADE = re.compile(
    r"^[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3},\s+(?:[\w-]+\s+){0,3}"
    r"(?:[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Ww]riter|[Cc]olumnist|[Jj]ournalist)s?$"
)


def reads_as_byline(text: str) -> bool:
    return len(text.split()) <= 12 and (_NAMED_BYLINE.match(text) or _NAME_AND_TRADE.match(text)) is not None


def _bylines(line: Line) -> list[tuple[int, int]]:
    """The spans of a line that read as a byline: the line, or a part of it between bars ("28 March 2025 | By Tomas
    Weil")."""
    spans = []
    for part in re.finditer(r"[^|]+", line.text):
        text = part.group().strip()
        if text and reads_as_byline(text):
            start = line.start + part.start() + part.group().index(text)
            spans.append((start, start + len(text)))
    return spans


def is_headline(line: Line) -> bool:
    return (
        4 <= line.words <= 30
        and not line.text.endswith(("…", "."))
        and not is_boilerplate(line)
        and _BYLINE.match(line.text) is None
        and not reads_as_byline(line.text)
        and _MENU.search(line.text) is None
    )


def find_date(text: str) -> str | None:
    """The first absolute date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    found = find_date_span(text)
    return found[2] if found else None


def find_date_span(text: str) -> tuple[int, int, str] | None:
    """Where the first absolute date in ``text`` stands (start, end) and what it is as ISO ``YYYY-MM-DD``."""
    found: list[tuple[int, int, str]] = []
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groups()
        if pattern is _DATE_PATTERNS[0]:
            year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        elif pattern is _DATE_PATTERNS[1]:
            month, day, year = _month_number(groups[0]), int(groups[1]), int(groups[2])
        else:
            day, month, year = int(groups[0]), _month_number(groups[1]), int(groups[2])
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            found.append((match.start(), match.end(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(found) if found else None


def reads_as_dateline(text: str) -> bool:
    """The text is a date and nothing else ("March 14, 2021"): as cited, the date an article's page gives it."""
    found = find_date_span(text)
    return found is not None and found[0] == 0 and found[1] == len(text)


def _month_number(name: str) -> int:
    prefix = name.lower()[:3]
    return next(i for i, month in enumerate(_MONTHS, start=1) if month.startswith(prefix))


@dataclass(frozen=True)
class _Header:
    title: str = UNKNOWN
    published: str = UNKNOWN
    dateline: tuple[int, int] | None = None  # where the page gives the publication date, as offsets into its text


def _read_header(header: list[Line]) -> _Header:
    """The headline and the date the page gives the article: a date just under the headline, or a line that is
    nothing but a date just above it ("Northwire / June 13, 2024 / All eleven miners rescued"). A date elsewhere is
    a masthead's, not the article's ("Editor in Chief: … Friday, April 19th, 2024")."""
    for index, line in enumerate(header):
        found = find_date_span(line.text)
        if found is None:
            continue
        for previous in reversed(header[max(0, index - 6) : index]):
            if is_headline(previous) and find_date(previous.text) is None:
                return _header(previous, line, found)
    for index, line in enumerate(header):
        found = find_date_span(line.text)
        if found is None or not reads_as_dateline(line.text):
            continue
        for following in header[index + 1 : index + 3]:
            if is_headline(following) and find_date(following.text) is None:
                return _header(following, line, found)
    repeated = Counter(" ".join(line.text.split()) for line in header if is_headline(line))
    for text, count in repeated.most_common():
        if count >= 2:
            return _Header(title=_clean_title(text))
    return _Header()


def _opening_line(header: list[Line]) -> str:
    """The line just above a page's story, when it reads as a headline and not as a date or a menu ("Saltmere
    Observer / Ferry operator Gull Line collapses, stranding island routes / Gull Line, which ran…"): without a date
    under it, it is not sure enough to be the article's title, but the story reads better under it than under
    nothing."""
    last = header[-1] if header else None
    if last is None or not is_headline(last) or find_date(last.text) is not None or _reads_as_menu(last.text):
        return UNKNOWN
    return _clean_title(last.text)


def _reads_as_menu(text: str) -> bool:
    """ "Home  News  Boats  Contact": menu labels, every word capitalised ("Health board approves merger" is no
    menu)."""
    return _MENU_WORDS.match(text) is not None and re.search(r"(?:^|\s)[a-z]", text) is None


def _header(headline: Line, dateline: Line, found: tuple[int, int, str]) -> _Header:
    start, end, date = found
    return _Header(_clean_title(headline.text), date, (dateline.start + start, dateline.start + end))


def _clean_title(text: str) -> str:
    return re.sub(r"(^|\s)#(\w)", r"\1\2", " ".join(text.split()))


def _publisher(lines: list[Line], body: list[Line], headline: str) -> tuple[str, tuple[int, int] | None]:
    """Who published the article, and where the page names them: a copyright line, "published by", a credit closing
    the body ("(Aljazeera)") or opening it ("DROSSEL, June 9 (Northwire) -"), an acronym the page repeats, or the
    masthead, a short capitalised name above the headline ("THE CORRIN COURIER"), or opening the menu there."""
    for line in lines:
        match = _COPYRIGHT.search(line.text) if "©" in line.text or "copyright" in line.text.lower() else None
        if match:
            return _named(line, match)
    for line in lines:
        match = _BYLINE_PUBLISHER.search(line.text)
        if match:
            return _named(line, match)
    for line, pattern in ((body[-1], _TRAILING_CREDIT), (body[0], _WIRE_CREDIT)) if body else ():
        match = pattern.search(line.text)
        if match:
            return _named(line, match)
    body_ids = {id(line) for line in body}
    short = [line for line in lines if id(line) not in body_ids and line.words <= 6]
    acronyms: Counter[str] = Counter(token for line in short for token in _ACRONYM.findall(line.text))
    for token, count in acronyms.most_common(1):
        if count >= 3:
            line = next(line for line in short if token in line.text)
            start = line.start + line.text.index(token)
            return token, (start, start + len(token))
    for line in lines:
        if (body and line.start >= body[0].start) or _clean_title(line.text) == headline:
            break
        if _reads_as_masthead(line.text):
            return line.text, (line.start, line.end)
        masthead = _menu_masthead(line)
        if masthead:
            return line.text[masthead[0] : masthead[1]], (line.start + masthead[0], line.start + masthead[1])
    return UNKNOWN, None


def _menu_masthead(line: Line) -> tuple[int, int] | None:
    """Where a menu line opens with the masthead ("Lenmark Herald | News | Business | Sign in"): its first item, when
    that is two to six capitalised words and no menu label ("Home | News" opens with none)."""
    if "|" not in line.text:
        return None
    first = line.text[: line.text.index("|")].strip()
    if len(first.split()) < 2 or not _reads_as_masthead(first):
        return None
    start = line.text.index(first)
    return start, start + len(first)


def _reads_as_masthead(text: str) -> bool:
    """One to six capitalised words ("THE CORRIN COURIER", "Saltmere Observer — Coast & Islands"), neither
    boilerplate nor a menu label."""
    return _MASTHEAD.match(text) is not None and not _BOILERPLATE.search(text) and not _MENU_WORDS.match(text)


def _named(line: Line, match: re.Match[str]) -> tuple[str, tuple[int, int]]:
    group = match.lastindex or 1  # the name is the pattern's last group (a wire credit's month comes before it)
    name = match.group(group).strip()
    start = line.start + match.start(group) + match.group(group).index(name)
    return name, (start, start + len(name))


def _short_sentence(line: Line) -> bool:
    """A line too short to read as prose alone, written as a sentence ("Turnout was 64 percent.")."""
    return 2 <= line.words < 8 and _written_as_sentence(line.text)


def _body(lines: list[Line]) -> list[Line]:
    """The prose lines, and the short sentences standing as paragraphs of their own between them: a story's
    one-line paragraph ("The port authority has offered 3.1 percent.") is no menu or caption when prose comes
    before and after it."""
    prose = [is_prose(line) for line in lines]
    keep = list(prose)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not prose[j] and _short_sentence(lines[j]) and not is_boilerplate(lines[j]):
            j += 1
        if j > i and i > 0 and prose[i - 1] and j < len(lines) and prose[j]:
            keep[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return [line for line, kept in zip(lines, keep, strict=True) if kept]


def clean_article(text: str) -> CleanArticle:
    lines = split_lines(text)
    body = _body(lines)
    if not body:  # pages whose paragraphs lack end punctuation: fall back to long lines
        body = [line for line in lines if line.words >= 8 and not is_boilerplate(line)]
    header = [line for line in lines if body and line.start < body[0].start]
    found = _read_header(header)
    publisher, credit = _publisher(lines, body, found.title)
    bylines = [span for line in lines if body for span in _bylines(line)]
    return CleanArticle(
        text=text,
        paragraphs=tuple(sorted({*((line.start, line.end) for line in body), *bylines})),
        title=found.title,
        headline=found.title if found.title != UNKNOWN else _opening_line(header),
        publisher=publisher,
        credit=credit,
        published=found.published,
        byline=bylines[0] if bylines else None,
        dateline=found.dateline,
    )
