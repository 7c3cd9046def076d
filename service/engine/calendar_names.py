"""Weekday and month names in the languages the service answers in, from Babel's CLDR data (it ships in the package),
so that a translation that turns "on Wednesday" into "am Dienstag" is caught as surely as one that changes a number.

A name is found only in the forms CLDR lists (the wide names, as written in a date and standing alone: "марта" and
"март"), not in every inflection ("в среду"); a form not found leaves a translation unchecked, never refused.
"""

import re
from functools import cache

from babel.dates import get_day_names, get_month_names

_WORD = re.compile(r"\w+(?:-\w+)*")


def named_days_and_months(text: str, language: str) -> set[str]:
    """The weekdays ("day 2" is Wednesday) and months ("month 3" is March) that ``text`` names."""
    names = _names(language)
    found = set()
    for word in _WORD.findall(text):
        meaning = names.get(word) or names.get(word.lower())
        if meaning:
            found.add(meaning)
    return found


def same_days_and_months(original: str, original_language: str, translated: str, translated_language: str) -> bool:
    """The translation names no weekday or month that its original does not (a name it leaves out is no error)."""
    return named_days_and_months(translated, translated_language) <= named_days_and_months(original, original_language)


@cache
def _names(language: str) -> dict[str, str]:
    """Each name as CLDR spells it; a lower-case name also matches the same word capitalised at a sentence's start,
    a capitalised one ("Mai", "May") only itself ("may" is no month)."""
    names: dict[str, str] = {}
    for context in ("format", "stand-alone"):
        for day, name in get_day_names("wide", context, language).items():
            names[str(name)] = f"day {day}"
        for month, name in get_month_names("wide", context, language).items():
            names[str(name)] = f"month {month}"
    return names
