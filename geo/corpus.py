"""Reading a corpus: folders of .txt/.md/.html articles with an optional manifest.csv.

Every unreadable file becomes a `Problem` with a reason; nothing here raises for bad input, so one
broken article never keeps the rest of a corpus from loading.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from . import rules
from .errors import UnreadableArticle, UsageError
from .models import Article, Problem

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "Corpus",
    "article_from_bytes",
    "decode_bytes",
    "detect_language",
    "html_to_text",
    "load_corpus",
    "read_manifest",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
_MANIFEST = "manifest.csv"


@dataclass(slots=True)
class Corpus:
    """The articles that loaded and the files that did not, with their reasons."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# --------------------------------------------------------------------------- text from bytes


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 20)


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then the encoding charset-normalizer detects."""
    if not data.strip():
        raise UnreadableArticle("empty file")
    if len(data) > MAX_ARTICLE_BYTES:
        raise UnreadableArticle(f"too large ({len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableArticle("not decodable as UTF-16 despite its byte-order mark") from exc
    if _looks_binary(data):
        raise UnreadableArticle("binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableArticle("undecodable: no text encoding fits these bytes")
    text = str(best)
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\t\n\r\f")
    if bad > max(4, len(text) // 50):
        raise UnreadableArticle(f"undecodable: {best.encoding} gives mostly control characters")
    return text


class _TextExtractor(HTMLParser):
    """HTML to readable text: drops scripts, styles and markup, keeps paragraph breaks."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "title",
            "hr",
            "figcaption",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title and self.title is None and data.strip():
            self.title = " ".join(data.split())
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The readable text of an HTML page and its <title>, if any."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # html.parser gives up on a broken declaration ("<![\x01"): keep the text read so far
        pass
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip(), parser.title


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str) -> str | None:
    """en, fr or de by the share of each language's commonest words; None when unclear."""
    words = [w.casefold() for w in _WORD.findall(text[:20000])]
    if len(words) < 5:
        return None
    scores = {}
    for lang, data in rules.load_all("stopwords").items():
        vocab = set(data.get("words", ()))
        scores[lang] = sum(1 for w in words if w in vocab)
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= 2 else None


# --------------------------------------------------------------------------- manifest


def _parse_date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_manifest(folder: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Rows of `folder/manifest.csv` by file name; bad rows and bad dates are reported, not fatal."""
    path = folder / _MANIFEST
    if not path.is_file():
        return {}
    try:
        text = decode_bytes(path.read_bytes())
    except (OSError, UnreadableArticle) as exc:
        problems.append(Problem(str(path), f"manifest ignored: {exc}"))
        return {}
    try:
        return _manifest_rows(text, path, problems)
    except csv.Error as exc:  # a stray carriage return, a field over csv's size limit...
        problems.append(Problem(str(path), f"manifest ignored: not a readable CSV file ({exc})"))
        return {}


def _manifest_rows(text: str, path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        problems.append(Problem(str(path), "manifest ignored: it has no 'file' column"))
        return {}
    for n, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        published = (row.get("published") or "").strip()
        if published and _parse_date(published) is None:
            problems.append(
                Problem(str(path), f"line {n}: publication date {published!r} is not a real YYYY-MM-DD date; ignored")
            )
            row["published"] = ""
        rows[name] = {k: (v or "").strip() for k, v in row.items() if k}
    return rows


# --------------------------------------------------------------------------- articles


def article_from_bytes(
    article_id: str,
    data: bytes,
    *,
    filename: str = "",
    published: dt.date | str | None = None,
    language: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Article:
    """An Article from raw bytes; raises UnreadableArticle with a reason a user can read."""
    text = decode_bytes(data)
    suffix = Path(filename).suffix.lower()
    html_title = None
    if suffix in (".html", ".htm") or (not suffix and re.match(r"\s*<(!doctype|html)", text, re.I)):
        text, html_title = html_to_text(text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableArticle("no text in it once markup is removed")
    if isinstance(published, str):
        published = _parse_date(published)
    lang = (language or "").strip().lower()[:2] or detect_language(text)
    return Article(
        id=article_id,
        text=text,
        published=published,
        language=lang,
        source=source or None,
        title=title or html_title or None,
        url=url or None,
        path=path,
    )


def _files_under(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, named explicitly) for every article file under the given paths, in a stable order."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                (f, False)
                for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith(".")
            )
        elif p.is_file() or p.is_symlink():
            out.append((p, True))
        else:
            raise UsageError(f"no such file or folder: {p}")
    return out


def load_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Every article under `paths` (files or folders); raises UsageError only for a missing path."""
    corpus = Corpus()
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    seen: set[str] = set()
    for f, explicit in _files_under(paths):
        if explicit and f.suffix.lower() not in ARTICLE_SUFFIXES:
            if f.name == _MANIFEST:
                continue
            corpus.problems.append(
                Problem(str(f), f"not an article: {f.suffix or 'no'} extension (use .txt, .md or .html)")
            )
            continue
        folder = f.parent
        if folder not in manifests:
            manifests[folder] = read_manifest(folder, corpus.problems)
        meta = manifests[folder].get(f.name, {})
        try:
            data = f.read_bytes()
            article = article_from_bytes(
                f.stem,
                data,
                filename=f.name,
                published=meta.get("published"),
                language=meta.get("language"),
                source=meta.get("source"),
                title=meta.get("title"),
                url=meta.get("url"),
                path=str(f),
            )
        except UnreadableArticle as exc:
            corpus.problems.append(Problem(str(f), str(exc)))
            continue
        except OSError as exc:
            corpus.problems.append(Problem(str(f), f"cannot be read: {exc.strerror or exc}"))
            continue
        if article.id in seen:
            corpus.problems.append(Problem(str(f), f"skipped: another article already has the id {article.id!r}"))
            continue
        seen.add(article.id)
        corpus.articles.append(article)
    return corpus
