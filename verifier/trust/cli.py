"""``verifier trust status | update | rollback``: see and replace the trust lists, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..textsafe import for_terminal
from . import wording

TRUST_COMMANDS = ("status", "update", "rollback")
EXIT_OK, EXIT_USAGE, EXIT_STALE = 0, 2, 1


def add_trust_commands(tsub: argparse._SubParsersAction) -> None:
    from .update import LIST_FILES

    st = tsub.add_parser("status", help="each trust list in force: origin, date, certificates, age, warnings")
    st.add_argument("--trust", action="append", type=Path, default=[], metavar="DIR",
                    help="show these trust directories instead of the configured ones")
    st.add_argument("--json", action="store_true", help="print the status as JSON")
    st.add_argument("--lang", choices=("en", "zh"), default=None)
    up = tsub.add_parser("update", help="replace a trust list with a newer copy you downloaded (nothing is fetched)")
    up.add_argument("file", type=Path, help="the downloaded PEM file")
    up.add_argument("--list", dest="list_name", choices=tuple(LIST_FILES), default=None,
                    help="which list the file is (default: told from the file name)")
    up.add_argument("--dir", type=Path, default=None,
                    help="trust directory (default: $VERIFIER_TRUST_DIR, else ~/.local/share/verifier/trust)")
    rb = tsub.add_parser("rollback", help="undo the last 'trust update' of a list")
    rb.add_argument("name", choices=tuple(LIST_FILES))
    rb.add_argument("--dir", type=Path, default=None)


def run_trust_command(args: argparse.Namespace) -> int:
    if args.trust_command == "status":
        return _status(args)
    if args.trust_command == "update":
        return _update(args)
    return _rollback(args)


def _status(args: argparse.Namespace) -> int:
    import json

    from ..config import Config
    from .status import list_status

    lang = args.lang or ("zh" if _zh() else "en")
    dirs = tuple(args.trust) or Config().trust_dirs
    states = list_status(dirs)
    if args.json:
        print(json.dumps([s.to_json() for s in states], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not states:
        print(wording.t("none", lang))
        return EXIT_STALE
    for s in states:
        data = s.to_json()
        print(for_terminal(wording.describe(data, lang)))
        print(for_terminal(f"    {s.path}"))
        for w in wording.warnings(data, lang):
            print(for_terminal(f"    ! {w}"))
    return EXIT_STALE if any(s.stale for s in states) else EXIT_OK


def _zh() -> bool:
    import os

    return any(os.environ.get(v, "").lower().startswith("zh") for v in ("LC_ALL", "LC_MESSAGES", "LANG"))


def _update(args: argparse.Namespace) -> int:
    from .update import TrustUpdateError, guess_list, update

    name = args.list_name or guess_list(args.file)
    if name is None:
        print("verifier: cannot tell which list this file is from its name: give --list "
              "(c2pa-official, c2pa-tsa, interim-anchors or interim-allowed)", file=sys.stderr)
        return EXIT_USAGE
    try:
        done = update(args.file, name, args.dir)
    except TrustUpdateError as exc:
        print(for_terminal(f"verifier: {args.file}: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    print(for_terminal(f"updated {name}: {done.certificates} certificates, sha256 {done.sha256[:12]}, "
                       f"now in force from {done.target}"))
    if done.kept_previous:
        print(f"the previous copy is kept: 'verifier trust rollback {name}' restores it")
    else:
        print(f"'verifier trust rollback {name}' goes back to the bundled list")
    for subject in done.expired[:10]:
        print(for_terminal(f"warning: expired certificate in the list: {subject}"), file=sys.stderr)
    if len(done.expired) > 10:
        print(f"warning: {len(done.expired)} expired certificates in the list", file=sys.stderr)
    return EXIT_OK


def _rollback(args: argparse.Namespace) -> int:
    from .update import TrustUpdateError, rollback

    try:
        how = rollback(args.name, args.dir)
    except TrustUpdateError as exc:
        print(for_terminal(f"verifier: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    print(f"{args.name}: " + ("the previous copy is back in force" if how == "previous"
                              else "your copy is removed; the bundled list is in force again"))
    return EXIT_OK
