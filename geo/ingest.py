"""Articles that users bring: pasted text or uploaded files, checked, previewed, then stored.

Nothing here trusts its input. A file name only ever yields an id made of `[A-Za-z0-9_-]` (so it can
never name a path); bytes go through `geo.corpus` (empty, binary, undecodable and oversized files
become a sentence, HTML loses its scripts); metadata that does not parse is dropped with a warning
rather than refused; a URL that is not http(s) is dropped. Reading returns a `Draft` that the page
shows before anything is saved.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

from .corpus import article_from_bytes, decode_bytes
from .errors import UnreadableArticle
from .models import Article, Event, PlaceMention
from .rules import LANGUAGES
from .store import AddResult, Store, refresh_events, text_hash

__all__ = [
    "MAX_META_CHARS",
    "MAX_UPLOAD_BYTES",
    "UPLOAD_SUFFIXES",
    "Draft",
    "Metadata",
    "clean_metadata",
    "preview",
    "read_paste",
    "read_uploads",
    "safe_id",
    "save",
]

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_META_CHARS = 300
_MANIFEST = "manifest.csv"
_log = logging.getLogger(__name__)
_SCRIPTISH = re.compile(r"<\s*(script|iframe|object|embed)\b|\son[a-z]+\s*=|javascript\s*:", re.I)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text does not say: publication date (the anchor of relative dates), language, source."""

    published: dt.date | None = None
    language: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """One input read for saving: its article or the reason it cannot be one, and what was found in it."""

    name: str
    article: Article | None = None
    problem: str | None = None
    warnings: tuple[str, ...] = ()
    duplicate_of: str | None = None
    events: tuple[Event, ...] = field(default=())
    places: tuple[PlaceMention, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.article is not None and self.problem is None


def _one_line(value: object) -> str | None:
    """Metadata text: control characters out, whitespace collapsed, length capped; None when empty."""
    if value is None:
        return None
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in str(value))
    text = " ".join(text.split())[:MAX_META_CHARS]
    return text or None


def clean_metadata(
    *,
    published: dt.date | str | None = None,
    language: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> tuple[Metadata, list[str]]:
    """Metadata from a form or a manifest row, and a warning for each value that had to be dropped."""
    warnings: list[str] = []
    date: dt.date | None = None
    if isinstance(published, dt.datetime):
        date = published.date()
    elif isinstance(published, dt.date):
        date = published
    elif published is not None and str(published).strip():
        raw = str(published).strip()
        try:
            date = dt.date.fromisoformat(raw[:10])
        except ValueError:
            warnings.append(f"publication date {raw[:40]!r} is not a real YYYY-MM-DD date; ignored")
    if date is not None and not dt.date(1900, 1, 1) <= date <= dt.date.today() + dt.timedelta(days=1):
        warnings.append(f"publication date {date.isoformat()} is not plausible; ignored")
        date = None
    lang = (_one_line(language) or "").lower() or None
    if lang is not None and lang not in LANGUAGES:
        warnings.append(f"language {lang[:20]!r} is not one of {', '.join(LANGUAGES)}; it will be detected")
        lang = None
    link = _one_line(url)
    if link is not None:
        parts = urlsplit(link)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            warnings.append("the URL is not an http(s) address; ignored")
            link = None
    meta = Metadata(published=date, language=lang, source=_one_line(source), title=_one_line(title), url=link)
    return meta, warnings


def safe_id(name: str, text: str) -> str:
    """An article id from a file name and the text: `[A-Za-z0-9_-]` only, never a path, unique per text.

    The text's hash makes two different files called `report.txt` two articles, and the same text
    uploaded twice the same id.
    """
    base = PureWindowsPath(PurePosixPath(name or "").name).name  # both separators, any depth
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_stem).strip("-_")[:60].strip("-_") or "article"
    return f"{slug}_{text_hash(text)[:12]}"


def _with_html_warning(name: str, data: bytes, warnings: list[str]) -> None:
    try:
        raw = decode_bytes(data)
    except UnreadableArticle:
        return
    if _SCRIPTISH.search(raw):
        warnings.append(
            f"{name}: scripts, event handlers or javascript: links were found; only the text is kept, "
            "and it is always shown as plain text"
        )


def _read_one(name: str, data: bytes, meta: Metadata, warnings: list[str]) -> Draft:
    display = _one_line(PurePosixPath(name or "").name) or "upload"
    suffix = PurePosixPath(display.lower()).suffix
    if suffix not in UPLOAD_SUFFIXES:
        return Draft(display, problem=f"not an article: use a .txt, .md or .html file (this is {suffix or 'none'})")
    if len(data) > MAX_UPLOAD_BYTES:
        return Draft(
            display,
            problem=f"too large: {len(data):,} bytes; the limit is {MAX_UPLOAD_BYTES // (1024 * 1024)} MB a file",
        )
    own = list(warnings)
    if suffix in (".html", ".htm"):
        _with_html_warning(display, data, own)
    try:
        probe = article_from_bytes("probe", data, filename=display)
    except UnreadableArticle as exc:
        return Draft(display, problem=str(exc))
    article = replace(
        probe,
        id=safe_id(display, probe.text),
        published=meta.published,
        language=meta.language or probe.language,
        source=meta.source,
        title=meta.title or probe.title,
        url=meta.url,
        path=None,
    )
    return Draft(display, article=article, warnings=tuple(own))


def _manifest_rows(data: bytes, warnings: list[str]) -> dict[str, dict[str, str]]:
    try:
        text = decode_bytes(data)
    except UnreadableArticle as exc:
        warnings.append(f"{_MANIFEST} ignored: {exc}")
        return {}
    try:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "file" not in reader.fieldnames:
            warnings.append(f"{_MANIFEST} ignored: it has no 'file' column")
            return {}
        return {
            PurePosixPath((row.get("file") or "").strip()).name: {k: (v or "") for k, v in row.items() if k}
            for row in reader
            if (row.get("file") or "").strip()
        }
    except csv.Error as exc:
        warnings.append(f"{_MANIFEST} ignored: {exc}")
        return {}


def read_uploads(files: Iterable[tuple[str, bytes]], meta: Metadata) -> list[Draft]:
    """One Draft per uploaded file; a `manifest.csv` among them gives per-file metadata (SCHEMA.md)."""
    files = list(files)
    manifest_warnings: list[str] = []
    rows: dict[str, dict[str, str]] = {}
    for name, data in files:
        if PurePosixPath(name).name.lower() == _MANIFEST:
            rows = _manifest_rows(data, manifest_warnings)
    drafts = []
    for name, data in files:
        if PurePosixPath(name).name.lower() == _MANIFEST:
            continue
        file_meta, warnings = meta, []
        row = rows.get(PurePosixPath(name).name)
        if row:
            row_meta, row_warnings = clean_metadata(
                published=row.get("published"),
                language=row.get("language"),
                source=row.get("source"),
                title=row.get("title"),
                url=row.get("url"),
            )
            warnings = [f"{_MANIFEST}, {name}: {w}" for w in row_warnings]
            file_meta = Metadata(
                published=row_meta.published or meta.published,
                language=row_meta.language or meta.language,
                source=row_meta.source or meta.source,
                title=row_meta.title or meta.title,
                url=row_meta.url or meta.url,
            )
        drafts.append(_read_one(name, data, file_meta, warnings))
    if manifest_warnings and drafts:
        drafts[0] = replace(drafts[0], warnings=(*manifest_warnings, *drafts[0].warnings))
    return drafts


def read_paste(text: str, meta: Metadata, *, name: str = "") -> Draft:
    """A Draft from pasted text (HTML pasted as a whole page is read as HTML)."""
    data = (text or "").encode("utf-8", "surrogatepass")
    filename = name or (meta.title or "pasted")
    if PurePosixPath(filename).suffix.lower() not in UPLOAD_SUFFIXES:
        filename += ".txt"
    if re.match(r"\s*<(!doctype|html)", text or "", re.I):
        filename = PurePosixPath(filename).stem + ".html"
    draft = _read_one(filename, data, meta, [])
    return replace(draft, name="pasted text")


def preview(draft: Draft, store: Store | None = None) -> Draft:
    """The draft with the events and places found in it, and the stored article it duplicates if any."""
    if not draft.ok or draft.article is None:
        return draft
    from . import pipeline

    article = draft.article
    duplicate = store.find_duplicate(article) if store is not None else None
    try:
        events = tuple(pipeline.extract_events([article]))
        places = tuple(pipeline.find_places([article]))
    except Exception as exc:  # an extractor bug must not cost the user the article: say so, keep going
        _log.exception("extraction failed on %s", article.id)
        warning = f"the extraction failed on this article ({type(exc).__name__}); it can still be saved"
        return replace(draft, warnings=(*draft.warnings, warning), duplicate_of=duplicate)
    return replace(draft, events=events, places=places, duplicate_of=duplicate)


def save(store: Store, drafts: Sequence[Draft], *, extract: bool = True) -> list[AddResult]:
    """Store the readable drafts in one transaction, then extract the whole store again.

    Extracting everything (not just the new articles) lets an event reported by an old and a new
    article merge into one; corrections are re-applied on read, so none is lost.
    """
    articles = [d.article for d in drafts if d.ok and d.article is not None]
    results = store.add_articles(articles, origin="user") if articles else []
    if extract and any(r.added for r in results):
        refresh_events(store, force=True)
    return results
