"""The command line of SCHEMA.md: `python -m geo extract|places|map PATH...`.

Exit 0 when the corpus was read (unreadable articles are reported on standard error), 2 for a wrong
call (no such path, unknown option).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .corpus import Corpus, load_corpus
from .errors import UsageError

__all__ = ["main"]

EXIT_OK = 0
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m geo",
        description="Find military deployments in news articles and put them on a map.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("extract", "every event in the articles, as JSON lines"),
        ("places", "every place mention in the articles, as JSON lines"),
        ("map", "one standalone HTML file with the map of the events"),
    ):
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
        cmd.add_argument("--out", metavar="FILE", required=name == "map", help="write here instead of standard output")
    return parser


@contextmanager
def _output(out: str | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        yield fh
    tmp.replace(path)


def _write_lines(rows: Iterable[dict], out: str | None) -> None:
    with _output(out) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _report(corpus: Corpus) -> None:
    for problem in corpus.problems:
        print(f"skipped {problem}", file=sys.stderr)
    print(
        f"read {len(corpus.articles)} article(s), skipped {len(corpus.problems)} problem(s)",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on a wrong call, 0 on --help
        return int(exc.code or 0)
    try:
        corpus = load_corpus(args.paths)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _report(corpus)

    try:
        _run(args, corpus)
    except BrokenPipeError:  # the reader stopped early (`| head`): what it read is all it wanted, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the interpreter's final flush does not fail again
    return EXIT_OK


def _run(args: argparse.Namespace, corpus: Corpus) -> None:
    """Write what the command asks for."""
    from . import pipeline

    if args.command == "places":
        _write_lines((m.to_dict() for m in pipeline.find_places(corpus.articles)), args.out)
    elif args.command == "extract":
        _write_lines((e.to_dict() for e in pipeline.extract_events(corpus.articles)), args.out)
    else:
        from .mapping import standalone_html

        events = pipeline.extract_events(corpus.articles)
        html = standalone_html(events, corpus.articles)
        with _output(args.out) as fh:
            fh.write(html)
        print(f"wrote a map of {len(events)} event(s) to {args.out}", file=sys.stderr)
