"""Command line for verifiable reports and cases: ``verifier key …``, ``verifier case …``,
``verifier report verify``, and the ``--case`` / ``--sign`` options of scan and report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .textsafe import for_terminal

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _say(text: str, err: bool = False, lines: bool = False) -> None:
    print(for_terminal(text, keep_newlines=lines), file=sys.stderr if err else sys.stdout, flush=True)


def _lang() -> str:
    from .cli import _default_lang

    return _default_lang()


def _w(key: str, **params: Any) -> str:
    """A sentence of verifier.case.words in the terminal's language."""
    from .case.words import t

    return t(key, _lang(), **params)


# ---- options added to scan and report ------------------------------------------------------


def add_case_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--case", type=Path, default=None, metavar="DIR",
                   help="append every file examined (and the report written) to this case folder's log")


def add_sign_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sign", action="store_true", help="sign the report's canonical JSON (writes REPORT.json.sig)")
    p.add_argument("--key", default=None, metavar="NAME", help="signing key name (default: 'default')")


def check_case(args: argparse.Namespace) -> str | None:
    """A reason why the --case folder cannot be used, checked before any analysis."""
    from .case import LOG_NAME

    if getattr(args, "case", None) is None:
        return None
    if not (args.case / LOG_NAME).is_file():
        return f"{args.case} is not a case folder: create it with 'verifier case new {args.case} --title …'"
    return None


def check_sign(args: argparse.Namespace) -> str | None:
    from .signing import DEFAULT_KEY, SigningError, load_key

    if getattr(args, "key", None) and not args.sign:
        return "--key is used with --sign"
    if not getattr(args, "sign", False):
        return None
    try:
        load_key(args.key or DEFAULT_KEY)
    except SigningError as exc:
        return str(exc)
    return None


def after_scan(args: argparse.Namespace, files: list[dict[str, Any]], tool: Mapping[str, Any]) -> int:
    from .case import CaseError, record_examined

    if args.case is None:
        return EXIT_OK
    try:
        n = record_examined(args.case, files, tool)
    except (CaseError, OSError) as exc:
        _say(f"verifier: case {args.case}: {exc}", err=True)
        return EXIT_USAGE
    _say(_w("cli.case_recorded", dir=args.case, n=n), err=True)
    return EXIT_OK


def after_report(args: argparse.Namespace, written: Any, files: list[dict[str, Any]],
                 tool: Mapping[str, Any]) -> int:
    from .case import CaseError, record_examined, record_export
    from .signing import DEFAULT_KEY, SigningError, sign_report

    if written.json_path != written.output:
        _say(_w("cli.wrote_json", path=written.json_path))
    _say(_w("cli.fingerprint_of", name=written.json_path.name, fingerprint=written.fingerprint))
    sig = None
    if args.sign:
        try:
            sig = sign_report(written.json_path, args.key or DEFAULT_KEY)
        except SigningError as exc:
            _say(f"verifier: {exc}", err=True)
            return EXIT_USAGE
        _say(_w("cli.signed", path=sig))
    if args.case is not None:
        try:
            record_examined(args.case, files, tool)
            record_export(args.case, written.output, written.fingerprint, written.json_path, len(files), sig)
        except (CaseError, OSError) as exc:
            _say(f"verifier: case {args.case}: {exc}", err=True)
            return EXIT_USAGE
        _say(_w("cli.case_export_recorded", dir=args.case, n=len(files)))
    return EXIT_OK


# ---- verifier report verify ----------------------------------------------------------------


def report_verify(argv: Sequence[str]) -> int:
    from .signing import SigningError, verify_report

    p = argparse.ArgumentParser(prog="verifier report verify",
                                description="Recompute a JSON report's fingerprint and check its signature.")
    p.add_argument("report", type=Path, help="the report's canonical JSON (r.json)")
    p.add_argument("--sig", type=Path, default=None, help="the signature file (default: REPORT.sig when present)")
    p.add_argument("--pubkey", type=Path, default=None, help="require the signer's public key (PEM)")
    try:
        args = p.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    if args.report.suffix.lower() in (".pdf", ".html", ".htm"):  # the JSON it was written with, beside it
        args.report = args.report.with_suffix(".json")
        _say(_w("cli.checking_json", path=args.report))
    try:
        check = verify_report(args.report, args.sig, args.pubkey)
    except SigningError as exc:
        _say(f"verifier: {exc}", err=True)
        return EXIT_USAGE
    lang = _lang()
    _say(_w("cli.fingerprint", fingerprint=check.fingerprint))
    if not check.canonical:
        _say(_w("cli.not_canonical"))
    if check.signed:
        who = _w("cli.own_key", name=check.own_key) if check.own_key else ""
        _say(_w("cli.signature", key_id=check.key_id) + who)
    else:
        _say(_w("cli.unsigned"))
    for problem in check.problems:
        _say(_w("cli.failed", why=problem.text(lang)))
    if check.ok and check.signed:
        _say(_w("cli.report_ok", key_id=check.key_id) + ("" if args.pubkey else _w("cli.compare_key")))
    return EXIT_OK if check.ok else EXIT_FAILED


# ---- verifier key … ------------------------------------------------------------------------


def add_key_parser(sub: Any) -> None:
    key = sub.add_parser("key", help="create and show your report-signing keys (Ed25519)")
    ksub = key.add_subparsers(dest="key_command", required=True)
    create = ksub.add_parser("create", help="create a signing key in your data folder")
    create.add_argument("--name", default="default")
    export = ksub.add_parser("export", help="print a public key (PEM) to give to your readers")
    export.add_argument("--name", default="default")
    export.add_argument("-o", "--output", type=Path, default=None, help="write it to a file")
    ksub.add_parser("list", help="list your keys")


def cmd_key(args: argparse.Namespace) -> int:
    from .signing import SigningError, create_key, keys_dir, list_keys, load_key

    try:
        if args.key_command == "create":
            key = create_key(args.name)
            _say(_w("cli.key_created", name=key.name, key_id=key.key_id, path=key.path))
            _say(key.public_pem.rstrip(), lines=True)
        elif args.key_command == "export":
            key, _ = load_key(args.name)
            if args.output:
                args.output.write_text(key.public_pem, encoding="ascii")
                _say(_w("cli.key_written", path=args.output, key_id=key.key_id))
            else:
                _say(key.public_pem.rstrip(), lines=True)
        else:
            keys = list_keys()
            if not keys:
                _say(_w("cli.no_keys", dir=keys_dir()))
            for k in keys:
                _say(f"{k.name:<20} {k.key_id}  {k.path}")
    except (SigningError, OSError) as exc:
        _say(f"verifier: {exc}", err=True)
        return EXIT_USAGE
    return EXIT_OK


# ---- verifier case … -----------------------------------------------------------------------


def add_case_parser(sub: Any) -> None:
    case = sub.add_parser("case", help="a case folder: a tamper-evident log of files examined, exports and notes")
    csub = case.add_subparsers(dest="case_command", required=True)
    new = csub.add_parser("new", help="create a case folder")
    new.add_argument("dir", type=Path)
    new.add_argument("--title", required=True)
    new.add_argument("--key", default=None, metavar="NAME",
                     help="sign the log's head with this key after every entry (default: your 'default' key if "
                          "you have one)")
    new.add_argument("--no-sign", action="store_true", help="do not sign the head")
    note = csub.add_parser("note", help="set a file's status and/or add a note")
    note.add_argument("dir", type=Path)
    note.add_argument("--file", required=True, help="the file's SHA-256, or its path as examined")
    note.add_argument("--status", choices=("ok", "to_check", "warning"), default=None)
    note.add_argument("--text", default=None)
    show = csub.add_parser("show", help="the case's files, statuses and notes")
    show.add_argument("dir", type=Path)
    show.add_argument("--log", action="store_true", help="also print every entry")
    ver = csub.add_parser("verify", help="check the log has not been edited, reordered, cut or added to")
    ver.add_argument("dir", type=Path)


def _entry_line(e: Mapping[str, Any]) -> str:
    data: Mapping[str, Any] = e["data"] if isinstance(e.get("data"), Mapping) else {}
    kind = e.get("kind")
    what = {
        "opened": lambda: f"title: {data.get('title')}",
        "examined": lambda: f"{data.get('verdict')}  {str(data.get('sha256') or '-')[:16]}  {data.get('path')}",
        "exported": lambda: f"{data.get('path')}  sha256 {str(data.get('sha256'))[:16]}  "
                            f"fingerprint {str(data.get('fingerprint'))[:16]}",
        "status": lambda: f"{str(data.get('file'))[:16]}  -> {data.get('status')}",
        "note": lambda: f"{str(data.get('file'))[:16]}  {data.get('text')}",
        "reference": lambda: f"{data.get('folder') or '-'}",
    }.get(str(kind), lambda: str(data))()
    return f"{e.get('seq')!s:>5}  {e.get('time')}  {kind!s:<9} {what}"


def _show(folder: Path, full_log: bool) -> int:
    from .case import entries, files, title, verify

    all_entries = entries(folder)
    v = verify(folder)
    _say(_w("cli.case_title", title=title(all_entries), dir=folder))
    state = _w("cli.case_intact") if v.ok else _w("cli.case_problems", n=len(v.problems))
    _say(_w("cli.case_log", n=v.count, state=state, hash=v.last_hash))
    known = files(all_entries)
    _say(_w("cli.case_files", n=len(known)))
    for st in known.values():
        notes = _w("cli.case_notes", n=len(st.notes)) if st.notes else ""
        _say(f"  {st.status or '-':<9} {st.verdict:<25} {(st.sha256 or '-')[:16]}  {' | '.join(st.paths)}{notes}")
        for when, text in st.notes:
            _say(f"      {when}  {text}")
    if full_log:
        _say(_w("cli.case_entries"))
        for e in all_entries:
            _say(_entry_line(e))
    return EXIT_OK


def cmd_case(args: argparse.Namespace) -> int:
    from .case import CaseError, annotate, new_case, verify

    try:
        if args.case_command == "new":
            from .signing import DEFAULT_KEY, has_key

            key = None if args.no_sign else args.key or (DEFAULT_KEY if has_key() else None)
            opened = new_case(args.dir, args.title, key)
            signer = opened["data"].get("signing_key")
            _say(_w("cli.case_created", title=args.title, dir=args.dir)
                 + (_w("cli.case_signed", key_id=signer["key_id"]) if signer else ""))
            return EXIT_OK
        if args.case_command == "note":
            for e in annotate(args.dir, args.file, args.status, args.text):
                _say(_entry_line(e))
            return EXIT_OK
        if args.case_command == "show":
            return _show(args.dir, args.log)
        v = verify(args.dir)
    except (CaseError, OSError) as exc:
        _say(f"verifier: {exc}", err=True)
        return EXIT_USAGE
    lang = _lang()
    for problem in v.problems:
        _say(_w("cli.failed", why=problem.text(lang)))
    if v.ok:
        _say(_w("cli.case_ok", n=v.count, hash=v.last_hash))
    return EXIT_OK if v.ok else EXIT_FAILED
