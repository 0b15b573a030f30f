"""The ``matcher`` command line: thin wrappers that call the library and format its results."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from matcher.catalogue import Catalogue, catalogue_to_csv, catalogue_to_json, load_catalogue
from matcher.errors import InputError, MatcherError


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

    recommend = commands.add_parser("recommend", help="rank projects for one mentee, with reasons")
    recommend.add_argument("--skills", default="", help="skills, e.g. 'golang, k8s, some docs'")
    recommend.add_argument("--interests", default="", help="interests, in your own words")
    recommend.add_argument("--top", type=_positive, default=5, help="how many projects (default 5)")
    recommend.add_argument("--organization", action="append", default=[], help="only this CNCF project (repeatable)")
    recommend.add_argument("--require-skill", action="append", default=[], help="only projects using this skill")
    recommend.add_argument(
        "--diversity", type=float, default=0.0, help="0-1: trade fit for variety among the top results (default 0)"
    )
    recommend.add_argument("--format", choices=("table", "json"), default="table")
    _add_catalogue_options(recommend)
    recommend.set_defaults(handler=_recommend)

    evaluate = commands.add_parser("evaluate", help="score the ranking against graded profiles (QRELS JSONL)")
    evaluate.add_argument("qrels", metavar="QRELS.jsonl")
    evaluate.add_argument("--run", metavar="FILE", help="also write the hybrid ranking in TREC run format")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    _add_catalogue_options(evaluate)
    evaluate.set_defaults(handler=_evaluate)
    return parser


def _add_catalogue_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", action="append", metavar="PATH", help="catalogue file or folder (repeatable)")
    parser.add_argument("--model", metavar="DIR", help="local sentence-transformers model folder (default: bundled)")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _recommender(args: argparse.Namespace):
    from matcher.recommender import Recommender

    catalogue = _load(args.catalog)
    return Recommender(catalogue, encoder=_encoder(args.model))


def _encoder(model: str | None):
    from matcher.embedding import SentenceEncoder

    return SentenceEncoder(Path(model) if model else None)


def _load(paths: Sequence[str] | None, always_warn: bool = False) -> Catalogue:
    """Load a catalogue; report parse warnings on stderr for files the user gave."""
    catalogue = load_catalogue(list(paths) if paths else None)
    if paths or always_warn:
        for warning in catalogue.warnings:
            print(warning, file=sys.stderr)
    return catalogue


def _catalog(args: argparse.Namespace) -> int:
    catalogue = _load(args.paths, always_warn=True)
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


def _recommend(args: argparse.Namespace) -> int:
    recommender = _recommender(args)
    unknown = sorted(set(args.organization) - set(recommender.catalogue.organizations))
    if unknown:
        raise InputError(f"unknown organisation(s) {', '.join(unknown)}; see `matcher catalog`")
    required = [recommender.vocabulary.canonical(skill) or skill for skill in args.require_skill]
    results = recommender.recommend(
        args.skills,
        args.interests,
        top=args.top,
        organizations=args.organization,
        required_skills=required,
        diversity=args.diversity,
    )
    if args.format == "json":
        print(json.dumps([result.to_dict() for result in results], indent=2, ensure_ascii=False))
        return 0
    if not results:
        print("No project matches these filters.", file=sys.stderr)
        return 0
    for result in results:
        data = result.to_dict()
        stretch = "  [stretch]" if data["stretch"] else ""
        print(f"{data['rank']}. {data['title']} ({data['organization']})  fit {data['score']:.0f}/100{stretch}")
        print(f"   {data['explanation']}")
        for sentence in data["evidence"]:
            print(f"   > {sentence}")
        print(f"   {data['lfx_url'] or ''}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from matcher.evaluation import METRICS, evaluate, load_judgements, trec_run

    profiles = load_judgements(args.qrels)
    recommender = _recommender(args)
    results = evaluate(recommender, profiles)
    if args.run:
        Path(args.run).write_text(trec_run(results[0]), encoding="utf-8")
    if args.format == "json":
        print(json.dumps({result.name: result.metrics for result in results}, indent=2))
        return 0
    judged = len(results[0].per_profile)
    rows = [(result.name, *(f"{result.metrics[metric]:.3f}" for metric in METRICS)) for result in results]
    print(format_table(("system", *METRICS), rows))
    print(f"{judged} profiles with relevant projects ({len(profiles) - judged} without, not averaged)")
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
