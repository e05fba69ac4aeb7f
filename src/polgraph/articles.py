"""Read articles from .txt/.md files (with optional front matter), .jsonl files and folders.

Reading never stops at a bad input: each bad file or line is yielded as an `InputError` naming it,
so a batch still ingests every good article.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .model import Article

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
METADATA_KEYS = ("title", "url", "published", "publisher")
KEY_ALIASES = {
    "published": ("date", "datepublished", "date_published", "pubdate", "published_at", "publishedat",
                  "publication_date", "publish_date"),
    "url": ("link",),
}
"""Other names the metadata fields go by (Hugo/Jekyll `date`, schema.org `datePublished`, RSS `pubDate`,
`link`), matched without regard to case. The first name present is used: an article exported with
`date:` front matter keeps its publication date, so its relative dates ("on Thursday") still resolve."""
MAX_CHARS = 1_000_000
"""Default per-article limit: spaCy needs about 3 GB and a minute or more for 1M characters."""
MAX_CHARS_ENV = "POLGRAPH_MAX_CHARS"
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_BYTES_PER_CHAR = 4  # the most a character takes in UTF-8 or UTF-16: a file this big is surely too long
_SLACK_BYTES = 65_536  # front matter, JSON keys and escapes around an article of the maximal size


def max_chars(value: int | None = None) -> int:
    """The per-article limit in characters: `value`, else $POLGRAPH_MAX_CHARS, else MAX_CHARS."""
    if value is None:
        raw = os.environ.get(MAX_CHARS_ENV, "").replace("_", "").replace(",", "").strip()
        if not raw:
            return MAX_CHARS
        try:
            value = int(raw)
        except ValueError:
            raise InputError(f"${MAX_CHARS_ENV} must be a number of characters, not {raw!r}") from None
    if value < 1:
        raise InputError(f"the article size limit must be at least 1 character, not {value}")
    return value


def iter_articles(paths: str | Path | Iterable[str | Path], *, limit: int | None = None
                  ) -> Iterator[Article | InputError]:
    """Yield every article under `paths` (a file or folder, or several), or an InputError per bad input.

    Articles longer than `limit` characters (default: `max_chars()`) are refused with an InputError.
    """
    limit = max_chars(limit)
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not the characters of one
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError("folder holds no .txt, .md or .jsonl files", source=str(path))
            for file in files:
                yield from _read_file(file, limit)
        elif path.is_file():
            yield from _read_file(path, limit)
        else:
            yield InputError("no such file or folder", source=str(path), hint="check the path")


def read_articles(paths: str | Path | Iterable[str | Path], *, limit: int | None = None) -> list[Article]:
    """Read all articles, raising the first InputError (for callers that want all or nothing)."""
    out = []
    for item in iter_articles(paths, limit=limit):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def _read_file(path: Path, limit: int) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(f"unsupported file type {suffix or '(none)'}", source=str(path),
                         hint="give .txt, .md or .jsonl files, or a folder of them")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, limit)
        return
    try:
        size = path.stat().st_size
        if size > limit * _BYTES_PER_CHAR + _SLACK_BYTES:  # refused unread: a 50 GB file costs nothing
            yield _too_long(f"a file of {size:,} bytes", limit, source=str(path))
            return
        text = decode(path.read_bytes())
    except InputError as exc:
        yield InputError(exc.what, source=str(path), hint=exc.hint)
        return
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=str(path))
        return
    try:
        yield parse_text(text, default_id=path.stem, source=str(path), limit=limit)
    except InputError as exc:
        yield exc


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary data, not text", hint="give plain-text articles")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}",
                         hint="re-save the file as UTF-8") from None


def parse_text(text: str, *, default_id: str, source: str = "", limit: int | None = None) -> Article:
    """Split an optional `---` front-matter block from the body and build an Article."""
    meta: dict[str, str] = {}
    body = text
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("---"):
        lines = stripped.split("\n")
        if lines[0].strip() == "---":
            for i, line in enumerate(lines[1:], start=1):
                if line.strip() == "---":
                    for entry in lines[1:i]:
                        m = _FRONT_KEY.match(entry.strip())
                        if m:
                            meta[m.group(1).lower()] = _unquote(m.group(2).strip())
                    body = "\n".join(lines[i + 1:])
                    break
    return make_article({**meta, "text": body}, default_id=meta.get("id") or default_id, source=source,
                        limit=limit)


def make_article(record: dict[str, object], *, default_id: str, source: str = "",
                 limit: int | None = None) -> Article:
    """Validate one record (front matter or JSON object) into an Article.

    An HTML document (starting with `<!DOCTYPE html` or `<html`) is replaced by its visible text.
    """
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("missing 'text'" if text is None else "'text' is not a string", source=source,
                         hint="every article needs its text")
    limit = max_chars(limit)
    if len(text) > limit * _BYTES_PER_CHAR:  # surely too long: do not scan it for HTML first
        raise _too_long(f"{len(text):,} characters", limit, source=source)
    html_title = None
    if looks_like_html(text):
        text, html_title = html_text(text)
        if not text.strip():
            raise InputError("HTML document with no visible text", source=source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("article text is empty", source=source)
    if len(text) > limit:
        raise _too_long(f"{len(text):,} characters", limit, source=source)
    fields: dict[str, str | None] = {}
    names: dict[str, str] = {}  # field → the key it was read from, for error messages
    lowered = {k.lower(): k for k in reversed(list(record)) if isinstance(k, str)}  # first spelling wins
    for key in ("id", *METADATA_KEYS):
        found = next((lowered[k] for k in (key, *KEY_ALIASES.get(key, ())) if k in lowered
                      and record[lowered[k]] not in (None, "")), key)
        value = record.get(found)
        if value is not None and not isinstance(value, str | int):
            raise InputError(f"'{found}' must be a string", source=source)
        fields[key] = str(value).strip() if value not in (None, "") else None
        names[key] = found
    if html_title and not fields["title"]:
        fields["title"] = html_title
    for key, value in (("text", text), *fields.items()):
        _check_unicode(value, key, source)
    published = None
    if fields["published"]:
        published = parse_date(fields["published"], source=source, key=names["published"])
    article_id = fields["id"] or default_id
    if not article_id.strip():
        raise InputError("article has an empty id", source=source)
    return Article(id=article_id.strip(), text=text, title=fields["title"], url=fields["url"],
                   published=published, publisher=fields["publisher"], source=source)


def parse_date(value: str, *, source: str = "", key: str = "published") -> date:
    """Parse an ISO date or date-time, or an RFC 2822 one as feeds write it (`Thu, 14 Nov 2019 08:00:00
    +0700`); the date part is kept, as the article states it (no conversion to another time zone)."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        raise InputError(f"bad '{key}' date {value!r}", source=source,
                         hint="use an ISO date such as 2019-11-14") from None


def _read_jsonl(path: Path, limit: int) -> Iterator[Article | InputError]:
    """Stream a JSONL file line by line: a huge file never sits in memory, and a bad line (invalid
    UTF-8, malformed JSON, too long) costs only that line."""
    cap = limit * _BYTES_PER_CHAR + _SLACK_BYTES
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # rare: decode it whole
                try:
                    text = decode(head + handle.read())
                except InputError as exc:
                    yield InputError(exc.what, source=str(path), hint=exc.hint)
                    return
                for n, line in enumerate(text.split("\n"), start=1):
                    yield from _jsonl_line(line, path, n, limit)
                return
            if b"\x00" in head:
                yield InputError("binary data, not text", source=str(path), hint="give plain-text articles")
                return
            handle.seek(0)
            n = 0
            while raw := handle.readline(cap + 1):
                n += 1
                if len(raw) > cap:
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the line unread
                        raw = handle.readline(1 << 20)
                    yield _too_long(f"a line of over {cap:,} bytes", limit, source=f"{path}:{n}")
                    continue
                try:
                    line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield InputError(f"invalid UTF-8 at byte {exc.start} of the line", source=f"{path}:{n}",
                                     hint="re-save the file as UTF-8")
                    continue
                yield from _jsonl_line(line, path, n, limit)
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=str(path))


def _jsonl_line(line: str, path: Path, n: int, limit: int) -> Iterator[Article | InputError]:
    if not line.strip():
        return
    where = f"{path}:{n}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(f"malformed JSON ({exc.msg} at column {exc.colno})", source=where)
        return
    except RecursionError:
        yield InputError("malformed JSON (nested too deeply)", source=where)
        return
    if not isinstance(record, dict):
        yield InputError("a JSONL line must be a JSON object", source=where)
        return
    try:
        yield make_article(record, default_id=f"{path.stem}-{n}", source=where, limit=limit)
    except InputError as exc:
        yield exc


def _too_long(size: str, limit: int, *, source: str) -> InputError:
    return InputError(f"article too long ({size}); the limit is {limit:,} characters", source=source,
                      hint=f"split it, or raise the limit with --max-chars or ${MAX_CHARS_ENV}")


def _check_unicode(value: str | None, key: str, source: str) -> None:
    """Lone surrogates (possible through JSON's \\u escapes) are not Unicode text and cannot be stored."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"'{key}' holds invalid Unicode (a lone surrogate at character {exc.start})",
                         source=source, hint="fix the text's encoding") from None


# ---- HTML: an HTML document given as an article is read as its visible text ----------------------

_HTML_START = re.compile(r"\A[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HIDDEN = {"script", "style", "template", "noscript", "head", "svg", "iframe", "object"}
_BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
           "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
           "nav", "ol", "p", "pre", "section", "table", "tr", "ul"}
_LINES = {"br", "dd", "dt", "li", "tr"}  # start a line; other blocks are paragraphs (a blank line around)


def looks_like_html(text: str) -> bool:
    """An HTML document: it starts with `<!DOCTYPE html` or `<html` (after comments or an XML header)."""
    return bool(_HTML_START.match(text[:4096]))


def html_text(document: str) -> tuple[str, str | None]:
    """The visible text of an HTML document (no script, style or head) and its <title>.

    >>> html_text("<!DOCTYPE html><title>T</title><p>Hun Sen <b>spoke</b>.<script>x()</script></p>")
    ('Hun Sen spoke.', 'T')
    """
    parser = _VisibleText()
    parser.feed(document)
    parser.close()
    return parser.text(), parser.title


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open elements whose content is not shown
        self.in_title = False
        self.pre = 0
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and all(t == "head" for t in self.hidden):  # not an <svg>'s title
            self.in_title = True
        elif tag == "body":  # a <head> left open ends here
            self.hidden = [t for t in self.hidden if t != "head"]
        elif tag in _HIDDEN:
            self.hidden.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")
            self.pre += tag == "pre"
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _HIDDEN:
            if tag in self.hidden:
                del self.hidden[len(self.hidden) - 1 - self.hidden[::-1].index(tag):]
        elif tag in _BLOCKS and tag not in _LINES:
            self.parts.append("\n")
            self.pre -= tag == "pre" and self.pre > 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = " ".join(((self.title or "") + " " + data).split()) or None
        elif not self.hidden:
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == '"':
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                return inner
        return inner.replace("''", "'")
    return value
