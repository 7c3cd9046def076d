"""Currencies as the languages the service answers in name them, so that a translation that turns "61 million crowns"
into "61 millions d'euros" is caught as surely as one that changes the number.

A currency is known by its sign, its ISO code or a word for it in any of those languages. The crowns (krona, krone,
koruna…) are one currency here, as English news calls each of them crowns; so are the yen and the yuan, which share a
sign. A currency a translation leaves out is no error; one it names that its original does not is.
"""

import re
from functools import cache

# the currency, and its words (a stem stands for its inflected forms: "рубл\w*" for "рублей"); none that is another
# word as well ("jen" is Czech for "only", "euro…" begins "Europe")
_WORDS = {
    "dollar": r"dollar\w*|dólar\w*|dolar\w*|доллар\w*|долар\w*",
    "euro": r"euros?|eur|avro|евро|євро",
    "pound": r"pounds?|sterling|livres? sterling|pfund\w*|libras?|sterlin\w*|ponden|фунт\w*|funt\w*",
    "crown": r"crowns?|kron(?:a|or|e|er|en|ur)|korun\w*|koron\w*|couronnes?|coronas?|corone|coroas?|kroon|крон\w*",
    "rouble": r"roubles?|rubl\w*|rubel\w*|rublos?|рубл\w*",
    "franc": r"francs?|franken|francos?|franchi|frank(?:a|i|ów|ů|y)?",
    "yen": r"yen|yuan|renminbi|ienes|iene|иен\w*|юан\w*|єн\w*",
    "rupee": r"rupees?|roupies?|rupien?|rupias?|rúpias?|рупи\w*",
    "zloty": r"zloty\w*|złot\w*|злот\w*",
    "hryvnia": r"hryvn\w*|grivn\w*|гривн\w*",
    "lira": r"lira|lire|liras",
    "shekel": r"shekel\w*|sheqel\w*|schekel\w*|шекел\w*",
    "peso": r"pesos",  # "el peso" is also a weight
    "dinar": r"dinar\w*|динар\w*",
}
_SIGNS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₽": "rouble", "₴": "hryvnia"}
_CODES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound",
    "JPY": "yen",
    "CNY": "yen",
    "CHF": "franc",
    "RUB": "rouble",
    "INR": "rupee",
    "SEK": "crown",
    "NOK": "crown",
    "DKK": "crown",
    "CZK": "crown",
    "ISK": "crown",
    "PLN": "zloty",
    "UAH": "hryvnia",
    "TRY": "lira",
}


def named_currencies(text: str) -> set[str]:
    """The currencies ``text`` names, by sign, code or word."""
    found = {currency for sign, currency in _SIGNS.items() if sign in text}
    found |= {_CODES[code] for code in re.findall(r"\b[A-Z]{3}\b", text) if code in _CODES}
    for currency, pattern in _patterns().items():
        if pattern.search(text):
            found.add(currency)
    return found


def same_currencies(original: str, translated: str) -> bool:
    """The translation names no currency that its original does not."""
    return named_currencies(translated) <= named_currencies(original)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {currency: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for currency, words in _WORDS.items()}
