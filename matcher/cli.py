"""The ``matcher`` command line: thin wrappers that call the library and format its results."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from matcher.catalogue import Catalogue, catalogue_to_csv, catalogue_to_json, load_catalogue
from matcher.errors import MatcherError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``matcher`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except MatcherError as error:
        print(f"matcher: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `matcher catalog | head`
        return 0
    except KeyboardInterrupt:
        print("matcher: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="matcher", description="Match prospective mentees to mentorship projects.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    catalog = commands.add_parser("catalog", help="print the parsed project catalogue")
    catalog.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="markdown/JSON/CSV files or folders (default: shipped catalogue)",
    )
    catalog.add_argument("--format", choices=("table", "json", "csv"), default="table")
    catalog.set_defaults(handler=_catalog)
    return parser


def _load(paths: Sequence[str] | None) -> Catalogue:
    """Load a catalogue and report its parse warnings on stderr."""
    catalogue = load_catalogue(list(paths) if paths else None)
    for warning in catalogue.warnings:
        print(warning, file=sys.stderr)
    return catalogue


def _catalog(args: argparse.Namespace) -> int:
    catalogue = _load(args.paths)
    if args.format == "json":
        print(catalogue_to_json(catalogue))
    elif args.format == "csv":
        sys.stdout.write(catalogue_to_csv(catalogue))
    else:
        rows = [(p.organization, p.title, ", ".join(p.skills), p.term or "", p.id) for p in catalogue]
        print(format_table(("organization", "title", "skills", "term", "id"), rows))
        print(
            f"{len(catalogue)} projects under {len(catalogue.organizations)} organisations",
            file=sys.stderr,
        )
    return 0


def format_table(header: Sequence[str], rows: Sequence[Sequence[object]], width: int = 48) -> str:
    """A plain aligned text table; long cells are cut to ``width`` characters."""

    def cell(value: object) -> str:
        text = " ".join(str(value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(value) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[index]) for row in cells]) for index, name in enumerate(header)]
    lines = ["  ".join(name.ljust(widths[index]) for index, name in enumerate(header))]
    lines.append("  ".join("-" * size for size in widths))
    lines.extend("  ".join(value.ljust(widths[index]) for index, value in enumerate(row)) for row in cells)
    return "\n".join(line.rstrip() for line in lines)


if __name__ == "__main__":
    sys.exit(main())
