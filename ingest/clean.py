"""Separate a saved news page's article body (with its byline) from its site boilerplate, and read its title,
publisher and date.

Works on plain text as saved from a web page: one paragraph or menu item per line. Every kept span is an
exact character range of the original text, so citations can be checked against the file on disk.
"""

import calendar
import re
from collections import Counter
from dataclasses import dataclass

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
    byline: tuple[int, int] | None = None  # the first byline that names someone, also among the paragraphs


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, stripped, with their exact offsets in ``text``."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


def is_boilerplate(line: Line) -> bool:
    return line.words < 25 and _BOILERPLATE.search(line.text) is not None


def is_prose(line: Line) -> bool:
    """A line that reads as running text: long enough and ending like a sentence."""
    text = line.text
    if text.endswith(("…", "...")) and line.words < 25:
        return False  # a teaser for another article
    has_sentence = _TERMINATOR.search(text) is not None
    return line.words >= 8 and has_sentence and text.endswith(_SENTENCE_END) and not is_boilerplate(line)


# "By Priya Okonjo, Health Reporter" and "Home | News | Health | Sport" are a byline and a menu, not headlines.
_BYLINE = re.compile(r"^(?:by|written by|reporting by|words by)\s", re.IGNORECASE)
_MENU = re.compile(r"\|.*\|")


# A byline that names someone ("By Senna Albright", "Reporting by Keld Amsel; Editing by Rosa Fint") is kept as a
# paragraph of its own, so that "who wrote it?" has a span to cite.
_NAMED_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Ww]ords by)\s+[A-Z][\w'.-]*\s+[A-Z]")


def reads_as_byline(text: str) -> bool:
    return len(text.split()) <= 12 and _NAMED_BYLINE.match(text) is not None


def is_headline(line: Line) -> bool:
    return (
        4 <= line.words <= 30
        and not line.text.endswith(("…", "."))
        and not is_boilerplate(line)
        and _BYLINE.match(line.text) is None
        and _MENU.search(line.text) is None
    )


def find_date(text: str) -> str | None:
    """The first absolute date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    found: list[tuple[int, str]] = []
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
            found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(found)[1] if found else None


def _month_number(name: str) -> int:
    prefix = name.lower()[:3]
    return next(i for i, month in enumerate(_MONTHS, start=1) if month.startswith(prefix))


def _title_and_date(header: list[Line]) -> tuple[str, str]:
    """A dateline counts only when a headline stands just above it (a masthead date is not a publication date)."""
    for index, line in enumerate(header):
        date = find_date(line.text)
        if date is None:
            continue
        for previous in reversed(header[max(0, index - 6) : index]):
            if is_headline(previous) and find_date(previous.text) is None:
                return _clean_title(previous.text), date
    repeated = Counter(" ".join(line.text.split()) for line in header if is_headline(line))
    for text, count in repeated.most_common():
        if count >= 2:
            return _clean_title(text), UNKNOWN
    return UNKNOWN, UNKNOWN


def _clean_title(text: str) -> str:
    return re.sub(r"(^|\s)#(\w)", r"\1\2", " ".join(text.split()))


def _publisher(lines: list[Line], body: list[Line]) -> str:
    for line in lines:
        match = _COPYRIGHT.search(line.text) if "©" in line.text or "copyright" in line.text.lower() else None
        if match:
            return match.group(1).strip()
    for line in lines:
        match = _BYLINE_PUBLISHER.search(line.text)
        if match:
            return match.group(1).strip()
    if body:
        match = _TRAILING_CREDIT.search(body[-1].text)
        if match:
            return match.group(1).strip()
    body_ids = {id(line) for line in body}
    acronyms: Counter[str] = Counter(
        token for line in lines if id(line) not in body_ids and line.words <= 6 for token in _ACRONYM.findall(line.text)
    )
    for token, count in acronyms.most_common(1):
        if count >= 3:
            return token
    return UNKNOWN


def clean_article(text: str) -> CleanArticle:
    lines = split_lines(text)
    body = [line for line in lines if is_prose(line)]
    if not body:  # pages whose paragraphs lack end punctuation: fall back to long lines
        body = [line for line in lines if line.words >= 8 and not is_boilerplate(line)]
    header = [line for line in lines if body and line.start < body[0].start]
    title, published = _title_and_date(header)
    bylines = [line for line in lines if body and reads_as_byline(line.text)]
    return CleanArticle(
        text=text,
        paragraphs=tuple(sorted({(line.start, line.end) for line in [*body, *bylines]})),
        title=title,
        publisher=_publisher(lines, body),
        published=published,
        byline=(bylines[0].start, bylines[0].end) if bylines else None,
    )
