"""Turning what users paste or upload into articles: safe ids, clear refusals, metadata, saving once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo import ingest
from geo.store import Store, ensure_store

TEXT = "Some 250 German soldiers arrived in Niamey on Friday; the withdrawal from Gao continues."
META = ingest.Metadata()


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.txt",
        "..\\..\\windows\\system32\\evil.md",
        "/absolute/path/report.txt",
        "C:\\Users\\me\\report.html",
        "....txt",
        ".hidden.txt",
        "näme with spaces & ünïcode.txt",
        "\x00\x01nul.txt",
        "a" * 500 + ".txt",
        "",
        "🙂.txt",
        "con.txt",
    ],
)
def test_an_id_from_any_file_name_is_never_a_path(name: str) -> None:
    article_id = ingest.safe_id(name, TEXT)
    assert article_id.replace("-", "").replace("_", "").isalnum()
    assert article_id.isascii()
    assert "/" not in article_id and "\\" not in article_id and ".." not in article_id
    assert 13 < len(article_id) <= 73
    assert Path("/store", article_id).parent == Path("/store")


def test_the_same_text_gets_the_same_id_and_other_texts_other_ids() -> None:
    assert ingest.safe_id("report.txt", TEXT) == ingest.safe_id("report.txt", TEXT)
    assert ingest.safe_id("report.txt", TEXT) != ingest.safe_id("report.txt", TEXT + " More.")
    assert ingest.safe_id("Rapport été.txt", TEXT).startswith("Rapport-ete_")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b" \n\t ", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("huge.txt", b"x" * (ingest.MAX_UPLOAD_BYTES + 1), "too large"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "not an article"),
        ("noext", b"Troops left Gao.", "not an article"),
        ("only-markup.html", b"<html><script>alert(1)</script><style>p{}</style></html>", "no text"),
    ],
)
def test_unreadable_uploads_are_refused_with_their_reason(name: str, data: bytes, reason: str) -> None:
    [draft] = ingest.read_uploads([(name, data)], META)
    assert not draft.ok and draft.article is None
    assert reason in (draft.problem or "")


def test_html_keeps_its_text_and_warns_about_scripts() -> None:
    page = b"<html><title>T</title><body><p>Troops left Gao.</p><a href='javascript:x()'>x</a><script>bad()</script>"
    [draft] = ingest.read_uploads([("page.html", page)], META)
    assert draft.ok and draft.article is not None
    assert "bad()" not in draft.article.text and "Troops left Gao." in draft.article.text
    assert draft.article.title == "T"
    assert any("scripts" in w for w in draft.warnings)


def test_a_latin1_file_is_decoded() -> None:
    [draft] = ingest.read_uploads([("fr.txt", "Les soldats français ont quitté Tombouctou.".encode("latin-1"))], META)
    assert draft.article is not None and "français" in draft.article.text


def test_metadata_that_does_not_parse_is_dropped_with_a_warning() -> None:
    meta, warnings = ingest.clean_metadata(
        published="2022-02-30", language="klingon", url="javascript:alert(1)", title="  A\x00 title\n ", source=""
    )
    assert meta == ingest.Metadata(title="A title")
    assert len(warnings) == 3
    far, warnings = ingest.clean_metadata(published=dt.date(3022, 1, 1), url="https://example.org/x")
    assert far.published is None and far.url == "https://example.org/x" and warnings


def test_a_manifest_among_uploads_gives_per_file_metadata_and_reports_impossible_dates() -> None:
    manifest = (
        b"file,published,language,source,title,url\n"
        b"a.txt,2022-11-14,en,Le Monde,Title A,https://a.example\n"
        b"b.txt,2022-02-31,fr,Wire,Title B,\n"
    )
    drafts = ingest.read_uploads(
        [("manifest.csv", manifest), ("a.txt", TEXT.encode()), ("b.txt", b"Les soldats ont quitte Gao hier.")],
        ingest.Metadata(source="Form source"),
    )
    a, b = drafts
    assert a.article is not None and a.article.published == dt.date(2022, 11, 14)
    assert (a.article.source, a.article.title, a.article.url) == ("Le Monde", "Title A", "https://a.example")
    assert b.article is not None and b.article.published is None
    assert any("2022-02-31" in w for w in b.warnings)


def test_a_pasted_html_page_is_read_as_html() -> None:
    draft = ingest.read_paste("<!doctype html><html><body><p>Troops left Gao.</p><script>x()</script>", META)
    assert draft.article is not None and draft.article.text == "Troops left Gao."


def test_preview_finds_what_the_pipeline_finds_and_spots_duplicates(tmp_path: Path, sample_corpus: Path) -> None:
    from geo import pipeline

    store = ensure_store(tmp_path / "s.sqlite", sample_corpus)
    data = (sample_corpus / "000_7708937b8e3c1dd0.txt").read_bytes()
    [draft] = ingest.read_uploads([("copy.txt", data)], META)
    draft = ingest.preview(draft, store)
    assert draft.duplicate_of == "000_7708937b8e3c1dd0"
    assert draft.article is not None
    assert [e.to_dict() for e in draft.events] == [e.to_dict() for e in pipeline.extract_events([draft.article])]
    assert [m.to_dict() for m in draft.places] == [m.to_dict() for m in pipeline.find_places([draft.article])]


def test_save_stores_new_articles_once_and_extracts_them(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    drafts = ingest.read_uploads([("a.txt", TEXT.encode()), ("bad.txt", b"")], META)
    [result] = ingest.save(store, drafts)
    assert result.added
    assert store.get_meta("extraction") is not None  # the store was extracted again
    [again] = ingest.save(store, ingest.read_uploads([("renamed.txt", TEXT.encode())], META))
    assert not again.added and again.article_id == result.article_id
    assert store.count("articles") == 1
