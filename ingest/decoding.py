"""Article bytes to text, by rules simple enough to state: UTF-8 (with or without a byte-order mark), UTF-16
with a byte-order mark, else Windows-1252 (a superset of Latin-1's printable characters) when every byte decodes
to printable text. Anything else, NUL bytes included, is not read: a wrong guess would put mojibake in quotes.

The ingest job and the citation checker both read files through ``decode_article``, so offsets agree."""

from dataclasses import dataclass

_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class DecodedArticle:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16" or "cp1252"


class UndecodableArticleError(ValueError):
    """The bytes are not text by the rules above; the message says why, for the ingest report."""


def decode_article(data: bytes) -> DecodedArticle:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodedArticle(_strict(data, "utf-16"), "utf-16")
    if b"\x00" in data:
        raise UndecodableArticleError("a binary file (it holds NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return DecodedArticle(_strict(data, "utf-8-sig"), "utf-8-sig")
    try:
        return DecodedArticle(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"not UTF-8 (byte {exc.start})"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UndecodableArticleError(f"{utf8_error}, nor Windows-1252 (byte {exc.start})") from None
    control = next((ch for ch in text if ch < " " and ch not in _WHITESPACE_CONTROLS), None)
    if control is not None:
        raise UndecodableArticleError(f"{utf8_error}, nor text in Windows-1252 (control byte {ord(control):#04x})")
    return DecodedArticle(text, "cp1252")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableArticleError(f"not valid {encoding} (byte {exc.start})") from None
