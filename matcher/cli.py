"""The ``matcher`` command line: thin wrappers that call the library and format its results."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from matcher.catalogue import catalogue_to_csv, catalogue_to_json, load_catalogue
from matcher.embedding import ENTRY_POINT_ENVIRONMENT
from matcher.errors import InputError, MatcherError
from matcher.query import Query

if TYPE_CHECKING:
    from matcher.applicants import ApplicantRow
from matcher.records import Catalogue


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``matcher`` console script; returns the exit status."""
    # the command's own settings, made here at its entry point (the library changes no process state)
    for name, value in ENTRY_POINT_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
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
        help="markdown term files, LFX exports (lfx-export.json), or JSON/CSV exports; files or folders "
        "(default: shipped catalogue)",
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

    learn = commands.add_parser("next", help="the skills to learn next: those bringing most projects into your top 10")
    learn.add_argument("--skills", default="", help="skills, e.g. 'golang, k8s'")
    learn.add_argument("--interests", default="", help="interests, in your own words")
    learn.add_argument("--top", type=_positive, default=10, help="the top results to count (default 10)")
    learn.add_argument("--limit", type=_positive, default=3, help="how many skills (default 3)")
    learn.add_argument("--format", choices=("table", "json"), default="table")
    _add_catalogue_options(learn)
    learn.set_defaults(handler=_next)

    evaluate = commands.add_parser("evaluate", help="score the ranking against graded profiles (QRELS JSONL)")
    evaluate.add_argument(
        "qrels", metavar="QRELS.jsonl", help="graded profiles (or, with --extraction, labelled phrases)"
    )
    evaluate.add_argument(
        "--extraction", action="store_true", help="score the profile reading (have/want/avoid) on labelled phrases"
    )
    evaluate.add_argument("--run", metavar="FILE", help="also write the hybrid ranking in TREC run format")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    _add_catalogue_options(evaluate)
    evaluate.set_defaults(handler=_evaluate)

    batch = commands.add_parser("batch", help="score a CSV/XLSX of applicants; every row accounted for")
    _add_applicant_options(batch)
    batch.add_argument("--top", type=_positive, default=5, help="projects per applicant (default 5)")
    batch.add_argument("--per-project", metavar="OUTPUT2", help="also write each project's best applicants")
    batch.add_argument("--shortlist", type=_positive, default=10, help="applicants per project in OUTPUT2")
    _add_floor_option(batch, "shortlist only applicants who fit a project at least this well (0-100; default 0)")
    _add_catalogue_options(batch)
    batch.set_defaults(handler=_batch)

    assign = commands.add_parser("assign", help="optimal assignment of applicants to project slots")
    _add_applicant_options(assign)
    assign.add_argument("--capacity", type=int, default=1, help="mentee slots per project (default 1)")
    assign.add_argument("--capacities", metavar="FILE", help="CSV of project (id, title or URL), capacity")
    assign.add_argument(
        "--preferences",
        choices=("bonus", "restrict", "ignore"),
        default="bonus",
        help="applicants' preferred projects: a score bonus (default), the only projects allowed, or ignored",
    )
    assign.add_argument("--preference-bonus", type=float, default=10.0, help="points added for a preferred project")
    _add_floor_option(assign, "never assign an applicant to a project they fit below this (0-100)")
    _add_catalogue_options(assign)
    assign.set_defaults(handler=_assign)
    return parser


def _add_floor_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--floor", "--min-score", dest="floor", type=float, default=0.0, help=help_text)


def _add_applicant_options(parser: argparse.ArgumentParser) -> None:
    """The applicants file, the output file, and how to find the applicants' columns."""
    parser.add_argument("input", metavar="INPUT", help="applicants as CSV (any delimiter/encoding) or XLSX")
    parser.add_argument("-o", "--output", metavar="OUTPUT", help="CSV to write (default: standard output)")
    parser.add_argument("--id-column", metavar="C", help="column naming the applicant (default: detected)")
    parser.add_argument("--skills-column", metavar="C", help="column of skills (default: detected)")
    parser.add_argument("--interests-column", metavar="C", help="column of interests (default: detected)")
    parser.add_argument("--preferences-column", metavar="C", help="column of preferred projects (default: detected)")


def _read_applicants(args: argparse.Namespace) -> Iterator[ApplicantRow]:
    from matcher.applicants import Columns, read_applicants

    overrides = Columns(args.id_column, args.skills_column, args.interests_column, args.preferences_column)
    columns, rows = read_applicants(args.input, overrides)
    detected = ", ".join(f"{role}={getattr(columns, role)!r}" for role in ("id", "skills", "interests", "preferences"))
    print(f"columns: {detected}", file=sys.stderr)
    return rows


def _progress():
    from tqdm import tqdm

    return tqdm(unit=" applicants", file=sys.stderr, mininterval=0.5, dynamic_ncols=True)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file to write (opened and closed here), or standard output (left open)."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _add_catalogue_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        action="append",
        metavar="PATH",
        help="catalogue: markdown, lfx-export.json, JSON/CSV, or a folder (repeatable)",
    )
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
    from matcher.onnx_encoder import choose_encoder

    return choose_encoder(Path(model) if model else None)


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
    query = Query.of(top=args.top, organizations=args.organization, required_skills=required, diversity=args.diversity)
    results = recommender.recommend(args.skills, args.interests, query)
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


def _next(args: argparse.Namespace) -> int:
    from matcher.next_skills import what_to_learn_next

    recommender = _recommender(args)
    profile = recommender.profile(args.skills, args.interests)
    steps = what_to_learn_next(recommender, profile, Query(top=args.top), limit=args.limit)
    if args.format == "json":
        data = [
            {"skill": step.skill, "unlocks": [{"project_id": p.id, "title": p.title} for p in step.unlocked]}
            for step in steps
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not steps:
        print(f"No single skill would bring a new project into your top {args.top}.", file=sys.stderr)
    for number, step in enumerate(steps, start=1):
        print(f"{number}. Learn {step.skill}: brings {len(step.unlocked)} project(s) into your top {args.top}")
        for project in step.unlocked:
            print(f"   - {project.title} ({project.organization})")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from matcher.evaluation import METRICS, evaluation_report, load_judgements, subset_means, trec_run

    if args.extraction:
        return _evaluate_extraction(args)
    profiles = load_judgements(args.qrels)
    report = evaluation_report(_recommender(args), profiles)
    results, named, validation = report.results, report.subsets, report.cross_validation
    if args.run:
        Path(args.run).write_text(trec_run(results[0]), encoding="utf-8")
    if args.format == "json":
        summary: dict = {
            result.name: {
                **result.metrics,
                **{f"nDCG@5 {name}": subset_means(result, ids) for name, ids in named.items()},
            }
            for result in results
        }
        if validation:
            summary["cross-validated"] = {"nDCG@5 mean": validation.mean, "nDCG@5 sd": validation.sd}
        if report.agreement:
            summary["graders"] = vars(report.agreement)
        print(json.dumps(summary, indent=2))
        return 0
    judged = len(results[0].per_profile)
    rows = [(result.name, *(f"{result.metrics[metric]:.3f}" for metric in METRICS)) for result in results]
    print(format_table(("system", *METRICS), rows))
    print(f"{judged} profiles with relevant projects ({len(profiles) - judged} without, not averaged)")
    if results[0].empty:
        print(f"{len(results[0].empty)} profile(s) with no text, every project scored 0: {', '.join(results[0].empty)}")
    if named:
        header = ("nDCG@5 by subset", *(f"{name} ({len(ids)})" for name, ids in named.items()))
        rows = [(result.name, *(f"{subset_means(result, ids):.3f}" for ids in named.values())) for result in results]
        print()
        print(format_table(header, rows))
    if validation:
        print(
            f"\nlearned combination, {len(validation.folds)}-fold cross-validation over the tune split: "
            f"nDCG@5 {validation.mean:.3f} ± {validation.sd:.3f}"
        )
    if report.agreement:
        agreement = report.agreement
        print(
            f"\ngraders {' and '.join(agreement.graders)} on {agreement.profiles} profiles: nDCG@5 of one against "
            f"the other {agreement.ndcg5:.3f}, weighted kappa {agreement.weighted_kappa:.3f}, "
            f"same grade {100 * agreement.exact:.1f}%"
        )
    return 0


def _evaluate_extraction(args: argparse.Namespace) -> int:
    from matcher.evaluation import evaluate_extraction, load_extraction
    from matcher.reading import ROLES
    from matcher.skills import SkillVocabulary

    report = evaluate_extraction(load_extraction(args.qrels), SkillVocabulary.load())
    scored = {f"reading vs labeller {name}": scores for name, scores in report.against.items()}
    if report.agreement:
        scored["labellers against each other"] = report.agreement
    if args.format == "json":
        print(json.dumps({name: {role: vars(scores[role]) for role in ROLES} for name, scores in scored.items()}))
        return 0

    def cell(value: float) -> str:
        return "n/a" if value != value else f"{value:.3f}"  # NaN: nothing claimed or nothing labelled

    header = ("", *(f"{role} {part}" for role in ROLES for part in ("P", "R")))
    rows = [
        (name, *(cell(getattr(scores[role], part)) for role in ROLES for part in ("precision", "recall")))
        for name, scores in scored.items()
    ]
    print(format_table(header, rows))
    print(f"{report.phrases} labelled phrases; labels mapped onto the vocabulary's canonical skills")
    return 0


def _batch(args: argparse.Namespace) -> int:
    from matcher.batch import ScoreRow, ShortlistRow
    from matcher.coordinator import CoordinatorOptions, run_coordinator
    from matcher.tables import RecordWriter, write_records

    rows = _read_applicants(args)
    recommender = _recommender(args)
    options = CoordinatorOptions(
        top=args.top, shortlist_size=args.shortlist if args.per_project else 0, min_score=args.floor
    )
    with _output(args.output) as handle, _progress() as bar:
        writer = RecordWriter(handle, ScoreRow)
        report = run_coordinator(recommender, rows, options, rows_to=writer.write, progress=_advance(bar))
    if args.per_project:
        write_records(args.per_project, ShortlistRow, report.shortlist_rows)
    print(report.summary, file=sys.stderr)
    return 0


def _assign(args: argparse.Namespace) -> int:
    from matcher.assignment import AssignmentRow, PreferenceMode, read_capacities
    from matcher.coordinator import CoordinatorOptions, run_coordinator
    from matcher.tables import write_records

    rows = _read_applicants(args)
    recommender = _recommender(args)
    if args.capacity < 0:
        raise InputError("--capacity must be 0 or more")
    capacities = [args.capacity] * len(recommender.catalogue)
    if args.capacities:
        capacities = read_capacities(args.capacities, recommender.catalogue.projects, args.capacity)
    options = CoordinatorOptions(
        top=1,
        shortlist_size=0,
        capacities=tuple(capacities),
        preferences=PreferenceMode(args.preferences, args.preference_bonus),
        min_score=args.floor,
    )
    with _progress() as bar:
        report = run_coordinator(recommender, rows, options, rows_to=_discard, progress=_advance(bar))
    assert report.assignment is not None  # capacities were given
    with _output(args.output) as handle:
        write_records(handle, AssignmentRow, report.assignment.rows)
    print(report.assignment.summary, file=sys.stderr)
    return 0


def _advance(bar) -> Callable[[int], None]:
    """A progress callback moving a tqdm bar to the number of rows done."""
    return lambda done: bar.update(done - bar.n)


def _discard(_row: object) -> None:
    """A sink for score rows nobody asked for (``matcher assign`` writes the assignment only)."""


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
