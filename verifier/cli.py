"""Command line: ``verifier scan``, ``verifier report``, ``verifier trust``; ``key`` and ``case`` in cli_cases."""

from __future__ import annotations

import argparse
import locale
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Container, Iterator, Sequence
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import cli_cases
from .config import DEFAULT_PROFILE, PROFILE_NAMES, Config, user_data_dir
from .textsafe import for_terminal

if TYPE_CHECKING:
    from .detectors.base import Context
    from .isolation import ProcessRunner

EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE = 0, 2, 3
EXIT_CTRL_C = 130  # what a shell reports for Ctrl-C


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, raised by the command line's own SIGINT handler. A subclass on purpose: when a
    plain ``KeyboardInterrupt`` passes through C code that runs Python with ``PyRun_*`` (some
    libraries do, while they import), CPython marks it "unhandled" for good, and after ``main``
    has caught it and returned 130 the interpreter ends itself by SIGINT instead. CPython checks
    the exact type, so a subclass is caught like any Ctrl-C and leaves the exit code to us."""


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted()


class TerminalSafeFormatter(logging.Formatter):
    """Log lines quote file names and metadata: strip escape sequences before the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return for_terminal(super().format(record), keep_newlines=True)


def _default_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        val = os.environ.get(var, "")
        if val:
            return "zh" if val.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh" if loc.lower().startswith("zh") else "en"


def _said(key: str, args: argparse.Namespace | None = None, **params: object) -> str:
    """A message of the command line itself (catalogue ``cli.said.*``) in the reader's language."""
    from .describe import t

    lang = (getattr(args, "lang", None) if args is not None else None) or _default_lang()
    return for_terminal(t(f"cli.said.{key}", lang, **params))


def _timeout(text: str) -> tuple[str, float]:
    name, sep, sec = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError("expected DETECTOR=SECONDS")
    try:
        return name, float(sec)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("expected DETECTOR=SECONDS") from exc


class DetectorNames(Container[str]):
    """The registered detectors' names, as ``--disable`` choices. A built-in name is checked
    against :data:`verifier.detectors.NAMES` (no detector module, nor numpy, is imported: the
    workers start after the arguments are read); any other value against the loaded specs (a
    detector registered at run time, or the error message's list)."""

    def names(self) -> tuple[str, ...]:
        from .detectors import specs  # noqa: PLC0415 - the detectors load on first use

        return tuple(s.name for s in specs())

    def __contains__(self, name: object) -> bool:
        from .detectors import NAMES  # noqa: PLC0415

        return name in NAMES or name in self.names()

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())


def _member_limit(text: str) -> tuple[str, int]:
    from dataclasses import fields

    from .containers.limits import MemberLimits

    names = [f.name for f in fields(MemberLimits)]
    name, sep, value = text.partition("=")
    if not sep or name not in names or not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected NAME=NUMBER with NAME one of {', '.join(names)}")
    return name, int(value)


def _add_analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="files or folders (scan: also fsspec URLs)")
    p.add_argument("--no-recursive", dest="recursive", action="store_false",
                   help="do not descend into sub-folders")
    p.add_argument("--recursive", dest="recursive", action="store_true", default=True,
                   help="descend into sub-folders (default)")
    p.add_argument("--trust", action="append", type=Path, default=[], metavar="DIR",
                   help="trust directory with C2PA trust lists (repeatable)")
    p.add_argument("--anchors", action="append", type=Path, default=[], metavar="PEM",
                   help="extra trust anchors, e.g. a test root bundle (repeatable)")
    p.add_argument("--no-ocr", action="store_true", help="skip text recognition for visible labels (faster; the logo check still runs)")
    p.add_argument("--disable", action="append", default=[], metavar="DETECTOR", choices=DetectorNames(),
                   help="switch a detector off (repeatable; 'verifier detectors' lists them)")
    p.add_argument("--timeout", action="append", type=_timeout, default=[], metavar="DETECTOR=SECONDS")
    p.add_argument("--profile", choices=PROFILE_NAMES, default=DEFAULT_PROFILE,
                   help="checks to run: standard (default: every check, the deep forensics - copy-move, error "
                        "levels, noise, faces - only on files with no provenance), full (every check on every "
                        "file) or triage (metadata, GB 45438 labels, C2PA with trust, generator metadata; no "
                        "pixel or audio work: fast archive sweeps)")
    p.add_argument("--workers", type=int, default=0, help="worker processes (default: one per core)")
    p.add_argument("--inline", action="store_true", help="run detectors in threads, not processes")
    p.add_argument("--lang", choices=("en", "zh"), default=None, help="language of verdict texts")
    p.add_argument("--reference", action="append", type=Path, default=[], metavar="DIR",
                   help="compare with the photos in this folder (indexed once, cached; repeatable)")
    p.add_argument("--member-limit", action="append", type=_member_limit, default=[], metavar="NAME=NUMBER",
                   help="files inside files (e-mail, archives, documents): members, inflated_bytes, depth, "
                        "member_size, container_size (repeatable; defaults: 200 members, 1 GiB, 5 levels)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verifier", description=(
        "Check whether media files carry identifiers of AI generation (C2PA Content Credentials, "
        "GB 45438 labels, IPTC, generator metadata, watermarks, visible labels) and how far they "
        "can be trusted. Works offline; never modifies the files."))
    parser.add_argument("--version", action="store_true", help="print versions and trust lists")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command")

    scan = sub.add_parser("scan", help="analyse files and folders")
    _add_analysis_options(scan)
    scan.add_argument("--json", action="store_true", help="print the contract JSON document")
    from .archive.cli_options import add_archive_options

    add_archive_options(scan)
    cli_cases.add_case_option(scan)

    report = sub.add_parser("report", help="write a report (.json, .html or .pdf)")
    _add_analysis_options(report)
    report.add_argument("-o", "--output", type=Path, required=True, help="out.json | out.html | out.pdf "
                        "(.html/.pdf also write their canonical JSON beside them); 'report verify r.json' checks one")
    cli_cases.add_case_option(report)
    cli_cases.add_sign_options(report)

    trust = sub.add_parser("trust", help="manage C2PA trust lists")
    tsub = trust.add_subparsers(dest="trust_command", required=True)
    imp = tsub.add_parser("import", help="import a PEM file of trust anchors")
    imp.add_argument("file", type=Path)
    imp.add_argument("--name", required=True)
    imp.add_argument("--dir", type=Path, default=None, help="trust directory (default: the user's)")
    tlist = tsub.add_parser("list", help="list the trust lists that would be used")
    tlist.add_argument("--trust", action="append", type=Path, default=[], metavar="DIR")
    from .trust.cli import add_trust_commands

    add_trust_commands(tsub)

    summary = sub.add_parser("summary", help="counts per verdict, signal, provider, signer of a results.jsonl")
    summary.add_argument("results", type=Path, help="a results file written by scan --out")
    summary.add_argument("--json", action="store_true", help="print the counts as JSON")
    detectors = sub.add_parser("detectors", help="list the checks (names for --disable and --timeout)")
    detectors.add_argument("--lang", choices=("en", "zh"), default=None)
    cli_cases.add_key_parser(sub)
    cli_cases.add_case_parser(sub)
    return parser


def config_from(args: argparse.Namespace) -> Config:
    base = Config()
    changes: dict[str, object] = {"lang": args.lang or _default_lang(),
                                  "profile": getattr(args, "profile", DEFAULT_PROFILE)}
    if args.trust:
        changes["trust_dirs"] = tuple(args.trust)
    if args.anchors:
        changes["user_anchors"] = tuple(args.anchors)
    if args.no_ocr:
        changes["ocr"] = False
    disabled = set(args.disable)
    if disabled:
        changes["disabled"] = frozenset(disabled)
    if args.timeout:
        changes["timeouts"] = {**base.timeouts, **dict(args.timeout)}
    if args.workers:
        changes["workers"] = args.workers
    if args.inline:
        changes["isolation"] = "inline"
    if getattr(args, "reference", None):
        changes["reference_dirs"] = tuple(args.reference)
    if getattr(args, "member_limit", None):
        changes["member_limits"] = replace(base.member_limits, **dict(args.member_limit))
    return base.with_(**changes)


def index_references(config: Config) -> bool:
    """Bring the index of each reference folder up to date, progress on stderr; False on failure."""
    if not config.reference_dirs:
        return True
    from .reference.cli_progress import index_with_progress

    return all(index_with_progress(folder, config.worker_count()) for folder in config.reference_dirs)


def _print_version(config: Config) -> None:
    from .about import tool_info

    info = tool_info(config)
    print(f"verifier {info['version']}")
    print(f"C2PA SDK: {info['c2pa_sdk']}")
    lists = info["trust_lists"]
    print("trust lists: " + (", ".join(lists) if lists else "none loaded (C2PA signers cannot be trusted)"))
    print(f"network: {info['network']}")


def _table_printer(lang: str) -> Callable[[dict], None]:
    """Prints rows as they come (``scan`` yields a container, then its members, indented)."""
    from .table import row

    depths: dict[str, int] = {}

    def show(d: dict) -> None:
        depth = depths.get(d.get("parent") or "", -1) + 1 if d.get("parent") else 0
        depths[str(d["path"])] = depth
        print(row(d, lang, depth), flush=True)

    return show


def run_analysis(args: argparse.Namespace) -> tuple[list[dict], dict, bool]:
    from . import isolation

    config = config_from(args)
    if not index_references(config):
        raise SystemExit(EXIT_USAGE)
    # The workers start before this process imports the detectors (~0.2 s): both run at once,
    # and the first worker loads what nearly every file needs (the C2PA SDK, trust lists) meanwhile.
    early = isolation.start_early(config.isolation, config.worker_count(), config.memory_limit_mb,
                                  _every_file(config), _picture_models(config, args.paths))
    try:
        return _analyse(args, config, early)
    finally:
        if early is not None:
            early.close()  # (the scan closed it already, unless it failed before)


def _every_file(config: Config) -> tuple[tuple[str, ...], Context]:
    """The checks nearly every file gets (in every profile; those not switched off), as refs for
    a worker to prepare, named without importing them."""
    from .detectors import EVERY_FILE, Context, refs_of

    return refs_of(tuple(n for n in EVERY_FILE if n not in config.disabled)), Context(config=config)


PICTURES_LOOKED_AT = 8  # given files whose type decides whether a second worker starts at once


def _picture_models(config: Config, paths: Sequence[str | Path]) -> tuple[tuple[str, ...], Context] | None:
    """For a second worker to load at once when a picture or video is among the first files given
    (typed from their first bytes): what its slowest check needs (the OCR model), so that this
    check does not wait for the first worker's other checks, then for a worker to grow and load
    it. None for other files, folders, or when that check does not run."""
    from .detectors import PICTURE_MODELS, Context, refs_of
    from .inputs import InputError, sniff_file

    names = tuple(n for n in PICTURE_MODELS if n not in config.disabled and _runs_pixel_checks(config, n))
    if not names:
        return None
    for raw in list(paths)[:PICTURES_LOOKED_AT]:
        path = Path(raw)
        try:
            if path.is_file() and sniff_file(path).media_type.startswith(("image/", "video/")):
                return refs_of(names), Context(config=config)
        except (InputError, OSError):
            continue  # the scan reports it
    return None


def _runs_pixel_checks(config: Config, name: str) -> bool:
    """``config.in_profile(name)`` for a check that does pixel work, without importing every
    detector's spec to ask (``config.profiles()`` does, ~0.15 s, before the second worker could
    start): only the triage profile leaves pixel work out (tested against ``in_profile``)."""
    if config.only is not None:
        return name in config.only
    return config.profile != "triage"


def _prepare_tool_info(config: Config) -> None:
    """Read the trust lists' status for the output's ``tool`` block (``about.trust_status``: ~0.05 s
    of CPU, certificates parsed once and cached) on a thread while the scan waits for its workers,
    instead of after its last result. (Not the whole ``tool_info``: its network state comes from the
    workers' reports, known at the end; asked now, it would start a probe process.)"""
    from .about import trust_status

    def read() -> None:
        try:
            trust_status(config)
        except Exception:  # noqa: BLE001 - only a head start: the same call after the scan reports
            logging.getLogger(__name__).debug("reading the tool information ahead failed", exc_info=True)

    threading.Thread(target=read, name="tool-info", daemon=True).start()


def _analyse(args: argparse.Namespace, config: Config,
             runner: ProcessRunner | None) -> tuple[list[dict], dict, bool]:
    from .about import tool_info
    from .isolation import network_state
    from .pipeline import FileFailed, scan
    from .report.json_report import failed_dict, file_dict

    args.paths = [Path(p) for p in args.paths]
    for p in args.paths:
        if not p.exists():
            print(_said("no_such_path", args, path=p), file=sys.stderr)
    files: list[dict] = []
    unreadable = False
    # closing: an error or Ctrl-C in this loop still stops the scan's workers at once
    with closing(scan(args.paths, config, recursive=args.recursive, runner=runner,
                      on_wait=lambda: _prepare_tool_info(config))) as results:
        for result in results:
            if isinstance(result, FileFailed):
                unreadable = unreadable or not result.parent  # a member that fails is its container's news
                d = failed_dict(str(result.path), result.message, config.lang, result.parent)
            else:
                d = file_dict(result, embed_attachments=getattr(args, "output", None) is not None,
                              lang=config.lang)
            files.append(d)
            if getattr(args, "progress", None):
                args.progress(d)
    # the network isolation that held for these files: what this scan's workers reported
    network = network_state(config.isolation, runner.reported if runner is not None else None)
    return files, tool_info(config, network), unreadable


def cmd_scan(args: argparse.Namespace) -> int:
    from .archive.cli_options import archive_mode, cmd_sweep
    from .report.json_report import document, dumps, in_order

    if archive_mode(args) and args.case is None:
        config = config_from(args)
        if not index_references(config):
            return EXIT_USAGE
        return cmd_sweep(args, config)
    if not args.paths or archive_mode(args):
        print(_said("scan_give_paths_case" if args.paths else "scan_give_paths", args), file=sys.stderr)
        return EXIT_USAGE
    if problem := cli_cases.check_case(args):
        print(for_terminal(f"verifier: {problem}"), file=sys.stderr)
        return EXIT_USAGE
    if not args.json:
        from .table import HEADER  # (not before the workers start: it loads the catalogue)

        print(HEADER)
        args.progress = _table_printer(config_from(args).lang)
    files, tool, unreadable = run_analysis(args)
    if args.json:
        files = in_order(files)
        print(dumps(document(tool, files)))  # dumps escapes lone surrogates
    if cli_cases.after_scan(args, files, tool):
        return EXIT_USAGE
    return EXIT_UNREADABLE if unreadable or not files else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render
    from .report.json_report import in_order
    from .thumbnails import thumbnails

    if not args.paths:
        print(_said("report_give_paths", args), file=sys.stderr)
        return EXIT_USAGE
    try:
        targets = {args.output.resolve(), render.json_companion(args.output).resolve()}
    except ValueError as exc:
        print(f"verifier: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if any(Path(p).exists() and Path(p).resolve() in targets for p in args.paths):
        print(_said("refuse_overwrite", args, output=args.output), file=sys.stderr)
        return EXIT_USAGE
    if problem := cli_cases.check_case(args) or cli_cases.check_sign(args):
        print(for_terminal(f"verifier: {problem}"), file=sys.stderr)
        return EXIT_USAGE
    files, tool, unreadable = run_analysis(args)
    files = in_order(files)
    try:
        thumbs = thumbnails(files) if render.report_format(args.output) != "json" else {}
        written = render.write(args.output, tool, files, lang=config_from(args).lang, thumbnails=thumbs)
    except (ValueError, OSError) as exc:
        print(_said("write_failed", args, output=args.output, why=getattr(exc, "strerror", None) or exc),
              file=sys.stderr)
        return EXIT_USAGE
    print(_said("wrote", args, output=args.output, n=len(files)))
    if cli_cases.after_report(args, written, files, tool):
        return EXIT_USAGE
    return EXIT_UNREADABLE if unreadable else EXIT_OK


def cmd_trust(args: argparse.Namespace) -> int:
    from .trust import discover, import_list
    from .trust.cli import TRUST_COMMANDS, run_trust_command

    if args.trust_command in TRUST_COMMANDS:
        return run_trust_command(args)
    if args.trust_command == "import":
        target = args.dir or (user_data_dir() / "trust")
        try:
            tl = import_list(args.file, args.name, target)
        except (OSError, ValueError) as exc:
            print(f"verifier: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"imported {tl.label} into {target}")
        return EXIT_OK
    dirs = tuple(args.trust) or Config().trust_dirs
    for tl in discover(dirs).lists:
        kind = "TSA" if tl.tsa else "anchors"
        print(f"{tl.label:<40} {kind:<8} {tl.anchors}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    previous = None  # Python's own handler, replaced for the command's duration (never an "ignored")
    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        previous = signal.signal(signal.SIGINT, _raise_interrupted)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print(_said("interrupted"), file=sys.stderr)
        return EXIT_CTRL_C
    except BrokenPipeError:  # e.g. `verifier scan DIR | head`: the reader went away
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1  # the output could not be written
    finally:
        isolation = sys.modules.get("verifier.isolation")  # loaded if any worker was started
        if isolation is not None:
            isolation.stop_all()  # no worker process outlives the command
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _main(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:2] == ["report", "verify"]:  # its own small parser: report's FILE... would swallow it
        from . import netguard

        netguard.install()
        return cli_cases.report_verify(argv[2:])
    parser = build_parser()
    from .cli_lang import lang_from, localise

    localise(parser, lang_from(argv, _default_lang()))  # --help and usage errors in the reader's language
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    handler = logging.StreamHandler()
    handler.setFormatter(TerminalSafeFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, handlers=[handler])
    from . import netguard

    netguard.install()
    if args.version:
        _print_version(Config())
        return EXIT_OK
    if args.command == "scan":
        return cmd_scan(args)
    if args.command == "report":
        return cmd_report(args)
    if args.command == "trust":
        return cmd_trust(args)
    if args.command == "key":
        return cli_cases.cmd_key(args)
    if args.command == "case":
        return cli_cases.cmd_case(args)
    if args.command == "detectors":
        from .describe.kinds import detector_lines

        print("\n".join(for_terminal(line) for line in detector_lines(args.lang or _default_lang())))
        return EXIT_OK
    if args.command == "summary":
        from .archive.cli_options import cmd_summary

        return cmd_summary(args)
    parser.print_help()
    return EXIT_USAGE


def run() -> None:
    """The command's entry point (``python -m verifier``, the ``verifier`` script): :func:`main`,
    then the end of the process without the interpreter's teardown of every module (numpy, the
    detectors, the catalogue: ~0.05 s of CPU after the output, measured). Everything the command
    does is done when ``main`` returns: its workers are stopped, its files closed; the output
    streams are flushed here. An output that cannot be written ends with 1, as in ``main``."""
    try:
        code = main()
        logging.shutdown()
        try:
            sys.stdout.flush()
        except (BrokenPipeError, OSError, ValueError):
            code = code or 1
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    except KeyboardInterrupt:  # Ctrl-C after main returned (its own handler is gone by then)
        code = EXIT_CTRL_C
    os._exit(code)


if __name__ == "__main__":
    run()
