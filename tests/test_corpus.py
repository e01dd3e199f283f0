"""The corpus loader: good articles load, each bad one is reported with its reason and skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.corpus import article_from_bytes, decode_bytes, detect_language, html_to_text, load_corpus
from geo.errors import UnreadableArticle, UsageError


def test_sample_corpus_loads_with_manifest(sample_corpus: Path) -> None:
    corpus = load_corpus([sample_corpus])
    assert corpus.problems == []
    ids = [a.id for a in corpus.articles]
    assert ids == sorted(ids) and len(ids) == 5
    first = corpus.articles[0]
    assert first.id == "000_7708937b8e3c1dd0"
    assert first.published == dt.date(2022, 11, 14)
    assert first.language == "en"
    assert first.title == "UK announces early withdrawal of its soldiers from Mali"
    assert corpus.articles[1].language == "fr"


def test_bad_files_are_reported_and_the_rest_load(bad_corpus: Path) -> None:
    corpus = load_corpus([bad_corpus])
    loaded = {a.id for a in corpus.articles}
    assert loaded == {"good", "latin1", "page"}
    reasons = {Path(p.path).name: p.reason for p in corpus.problems}
    assert set(reasons) == {"empty.txt", "blank.md", "binary.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "empty" in reasons["blank.md"]
    assert "binary" in reasons["binary.txt"]


def test_latin1_is_detected_and_decoded(bad_corpus: Path) -> None:
    article = next(a for a in load_corpus([bad_corpus]).articles if a.id == "latin1")
    assert "soldats français ont quitté Tombouctou cet été" in article.text
    assert article.language == "fr"


def test_html_is_reduced_to_text_without_scripts(bad_corpus: Path) -> None:
    article = next(a for a in load_corpus([bad_corpus]).articles if a.id == "page")
    assert "alert" not in article.text
    assert "<p>" not in article.text
    assert "Die Bundeswehr verlässt Gao." in article.text
    assert article.title == "Abzug aus Mali"
    assert article.language == "de"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        load_corpus([tmp_path / "nowhere"])


def test_an_explicit_file_that_vanished_is_reported(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    corpus = load_corpus([link])
    assert corpus.articles == []
    assert "cannot be read" in corpus.problems[0].reason


def test_manifest_with_impossible_date_reports_row_and_loads_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("British soldiers are stationed in Gao.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published,language\na.txt,2022-02-30,en\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a"]
    assert corpus.articles[0].published is None
    assert any("2022-02-30" in p.reason for p in corpus.problems)


def test_utf8_bom_and_utf16_decode() -> None:
    assert decode_bytes("\ufeffBonjour Bamako".encode()) == "Bonjour Bamako"
    assert decode_bytes("Grüße aus Gao".encode("utf-16")) == "Grüße aus Gao"


def test_oversized_article_is_refused() -> None:
    with pytest.raises(UnreadableArticle, match="too large"):
        decode_bytes(b"a" * (6 * 1024 * 1024))


def test_html_to_text_keeps_paragraphs_and_title() -> None:
    text, title = html_to_text("<title>T</title><style>p{}</style><p>One &amp; two</p><p>Three</p>")
    assert text == "T\nOne & two\n\nThree" or text.endswith("One & two\n\nThree")
    assert title == "T"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The soldiers will leave the country within the next six months, the ministry said.", "en"),
        ("Les soldats quitteront le pays dans les six prochains mois, selon le ministère.", "fr"),
        ("Die Soldaten werden das Land in den nächsten sechs Monaten verlassen, sagte das Ministerium.", "de"),
    ],
)
def test_language_is_detected_when_the_manifest_is_silent(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    assert article_from_bytes("x", text.encode()).language == lang
