"""The command line's contract with SCHEMA.md: output formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True, timeout=240)


def test_extract_prints_json_lines_and_exits_0(sample_corpus: Path) -> None:
    proc = run("extract", str(sample_corpus))
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        event = json.loads(line)
        assert {"event_id", "article_ids", "action", "status", "location", "evidence"} <= set(event)
    assert "read 5 article(s)" in proc.stderr


def test_bad_files_are_reported_on_stderr_and_exit_0(bad_corpus: Path) -> None:
    proc = run("extract", str(bad_corpus))
    assert proc.returncode == 0
    for name in ("empty.txt", "binary.txt", "blank.md"):
        assert name in proc.stderr
    assert "latin1.txt" not in proc.stderr
    assert "read 3 article(s), skipped 3 problem(s)" in proc.stderr


def test_places_writes_into_out_file(sample_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "places.jsonl"
    proc = run("places", str(sample_corpus), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.exists()
    for line in out.read_text(encoding="utf-8").splitlines():
        mention = json.loads(line)
        assert {"article_id", "start", "end", "text", "name", "lat", "lon", "feature", "precision"} <= set(mention)


def test_map_writes_one_html_file(sample_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    proc = run("map", str(sample_corpus), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "L.map(" in html


def test_missing_path_exits_2(tmp_path: Path) -> None:
    proc = run("extract", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr


def test_unknown_option_and_unknown_command_exit_2(sample_corpus: Path) -> None:
    assert run("extract", str(sample_corpus), "--bogus").returncode == 2
    assert run("frobnicate", str(sample_corpus)).returncode == 2
    assert run().returncode == 2


def test_map_without_out_is_a_wrong_call(sample_corpus: Path) -> None:
    assert run("map", str(sample_corpus)).returncode == 2


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`python -m geo extract ... | head -1`: the pipe closes after one line; the rest is dropped quietly."""
    folders = [str(p) for p in sorted((ROOT / "tests" / "data").glob("events_heldout9?"))]  # more than a pipe holds
    proc = subprocess.Popen(
        [sys.executable, "-m", "geo", "extract", *folders],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = json.loads(proc.stdout.readline())
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=240) == 0
    assert first["article_ids"]
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert f"read {6 * len(folders)} article(s)" in stderr
