"""Random and hostile text and bytes fed to the loader and the extractor: nothing escapes, bad input is reported.

Holds for any extractor: whatever geo.events and geo.places find, they must not raise, and what they
return must point inside the text it came from.
"""

from __future__ import annotations

import datetime as dt
import string
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo import ingest, pipeline
from geo.corpus import article_from_bytes, load_corpus
from geo.errors import UnreadableArticle
from geo.models import ACTIONS, STATUSES, Article
from tests.conftest import ROOT

FRAGMENTS = [
    "French troops",
    "Les soldats français",
    "Die Bundeswehr",
    "Barkhane",
    "MINUSMA",
    "Wagner",
    "withdrew from",
    "ont quitté",
    "verlässt",
    "deployed to",
    "Gao",
    "Mali",
    "Tombouctou",
    "Niamey",
    "Ménaka",
    "2,400 soldiers",
    "1 350 soldats",
    "rund 250 Soldaten",
    "999999999999999999999999999 troops",
    "-5 soldiers",
    "0 troops",
    "on Monday",
    "last year",
    "cet été",
    "on 31 February 2022",
    "in the year 0",
    "9999-99-99",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "javascript:alert(3)",
    "[x](javascript:alert(4))",
    "\u202e\u200b\ufeff",
    "İstanbul ﬁ ß Σ",
    "🙂🇲🇱",
    ".",
    ",",
    "\n\n",
    "(",
    '"',
    "«",
]
hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map(" ".join)
odd_dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
languages = st.sampled_from([None, "en", "fr", "de", "xx", ""])

EXTRACTOR = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(st.binary(max_size=4096))
@settings(max_examples=300, deadline=None)
def test_any_bytes_become_an_article_or_a_reason(data: bytes) -> None:
    try:
        article = article_from_bytes("x", data, filename="x.txt")
    except UnreadableArticle as exc:
        assert str(exc)
    else:
        assert article.text.strip()


@given(st.binary(max_size=4096).map(lambda b: b"<html><body>" + b + b"</body></html>"))
@settings(max_examples=150, deadline=None)
def test_any_html_becomes_an_article_or_a_reason(data: bytes) -> None:
    try:
        article = article_from_bytes("x", data, filename="x.html")
    except UnreadableArticle as exc:
        assert str(exc)
    else:
        assert article.text.strip() and "\x00" not in article.text


@given(st.lists(st.tuples(st.text(min_size=0, max_size=80), st.binary(max_size=2048)), max_size=5))
@settings(max_examples=200, deadline=None)
def test_uploads_of_any_name_and_content_never_raise(files: list[tuple[str, bytes]]) -> None:
    drafts = ingest.read_uploads(files, ingest.Metadata())
    assert len(drafts) == sum(1 for name, _ in files if Path(name).name.lower() != "manifest.csv")
    for draft in drafts:
        assert draft.ok != bool(draft.problem)
        if draft.article is not None:
            assert set(draft.article.id) <= set(string.ascii_letters + string.digits + "_-")


@given(
    published=st.one_of(st.text(max_size=20), odd_dates),
    language=st.text(max_size=10),
    source=st.text(max_size=400),
    title=st.text(max_size=400),
    url=st.text(max_size=200),
)
@settings(max_examples=200, deadline=None)
def test_metadata_of_any_kind_is_cleaned_never_raised(
    published: str | dt.date | None, language: str, source: str, title: str, url: str
) -> None:
    meta, warnings = ingest.clean_metadata(published=published, language=language, source=source, title=title, url=url)
    assert meta.url is None or meta.url.lower().startswith(("http://", "https://"))
    assert all(isinstance(w, str) and w for w in warnings)


@given(
    files=st.lists(
        st.tuples(
            st.text(alphabet=string.ascii_letters + string.digits + "_-", min_size=1, max_size=12),
            st.sampled_from([".txt", ".md", ".html", ".bin", ""]),
            st.one_of(st.binary(max_size=1024), hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
        ),
        max_size=6,
        unique_by=lambda f: f[0].lower(),
    ),
    manifest=st.one_of(st.none(), st.binary(max_size=512), st.text(max_size=300).map(str.encode)),
)
@example(files=[("a", ".txt", b"Troops left Gao.")], manifest=b"\r\x01")  # once escaped as csv.Error
@settings(max_examples=80, deadline=None)
def test_a_hostile_corpus_loads_what_it_can_and_reports_the_rest(
    files: list[tuple[str, str, bytes]], manifest: bytes | None
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for stem, suffix, data in files:
            Path(tmp, stem + suffix).write_bytes(data)
        if manifest is not None:
            Path(tmp, "manifest.csv").write_bytes(manifest)
        corpus = load_corpus([tmp])
    article_files = sum(1 for _, suffix, _ in files if suffix in (".txt", ".md", ".html"))
    reported = [p for p in corpus.problems if not p.reason.startswith(("manifest", "line "))]
    assert len(corpus.articles) + len(reported) == article_files
    assert all(p.reason for p in corpus.problems)


@given(text=hostile_text, published=odd_dates, language=languages)
@example(text="MINUSMA \n\n deployed to 2,400 soldiers", published=None, language=None)  # a force of set years, no date
@EXTRACTOR
def test_the_extractor_survives_hostile_text(text: str, published: dt.date | None, language: str | None) -> None:
    if not text.strip():
        return
    article = Article(id="hostile", text=text, published=published, language=language or None)
    events = pipeline.extract_events([article])
    for event in events:
        assert event.action in ACTIONS and event.status in STATUSES
        assert event.article_ids == ("hostile",)
        assert event.troops is None or event.troops >= 0
    for mention in pipeline.find_places([article]):
        assert 0 <= mention.start <= mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@given(st.lists(st.tuples(hostile_text, odd_dates, languages), min_size=2, max_size=5))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_merging_across_hostile_articles_never_raises(items: list[tuple[str, dt.date | None, str | None]]) -> None:
    articles = [
        Article(id=f"h{i}", text=text or "-", published=published, language=language or None)
        for i, (text, published, language) in enumerate(items)
    ]
    ids = {a.id for a in articles}
    for event in pipeline.extract_events(articles):
        assert event.article_ids and set(event.article_ids) <= ids


@given(st.binary(min_size=1, max_size=3000))
@EXTRACTOR
def test_the_extractor_survives_whatever_the_loader_lets_through(data: bytes) -> None:
    try:
        article = article_from_bytes("raw", data, filename="raw.txt", published="2022-11-14")
    except UnreadableArticle:
        return
    pipeline.extract_events([article])
    pipeline.find_places([article])


def test_the_cli_reports_bad_articles_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("French troops left Gao in Mali on Monday.", encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "script.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,published\ngood.txt,2022-02-30\nnul.txt,not a date\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "extract", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "nul.txt: binary" in proc.stderr
    assert "script.html: no text" in proc.stderr
    assert "2022-02-30" in proc.stderr
    assert "read 1 article(s)" in proc.stderr
