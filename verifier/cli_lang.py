"""The command line in the reader's language: ``--help`` and argparse's own messages.

Each help text is looked up by its English words among the catalogue's ``cli.help.*`` phrases
(verifier.describe); one not there stays English (a test lists them). argparse prints its own
phrases (``usage:``, errors) through ``gettext``; in Chinese they come from ``cli.argparse.*``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from .describe import lang_of
from .describe.catalogue import TEXT


_GETTEXT = argparse._  # type: ignore[attr-defined]  # argparse's own (English) phrases


def lang_from(argv: Sequence[str], default: str) -> str:
    """The language asked for by ``--lang X`` / ``--lang=X`` in ``argv``, else ``default``."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return lang_of(argv[i + 1])
        if arg.startswith("--lang="):
            return lang_of(arg.split("=", 1)[1])
    return lang_of(default)


def _phrases(prefix: str) -> dict[str, str]:
    """English -> Chinese of the catalogue's phrases under ``prefix``."""
    return {en: zh for key, (en, zh) in TEXT.items() if key.startswith(prefix)}


def untranslated(parser: argparse.ArgumentParser) -> list[str]:
    """Help texts of ``parser`` (and its sub-commands) that have no Chinese words."""
    known = _phrases("cli.help.")
    return [h for h in _helps(parser) if h not in known]


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    out = [parser.description] if parser.description else []
    out += [str(g.title) for g in parser._action_groups[2:] if g.title]  # groups of its own (not argparse's)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            out += [str(c.help) for c in action._choices_actions if c.help]
            for sub in action.choices.values():
                out += _helps(sub)
        elif action.help and action.help != argparse.SUPPRESS:
            out.append(str(action.help))
    return out


def localise(parser: argparse.ArgumentParser, lang: str) -> None:
    """Put ``parser``'s help (and argparse's phrases, process-wide) in ``lang``; English is left as is."""
    if lang_of(lang) != "zh":
        argparse._ = _GETTEXT  # type: ignore[attr-defined]  # an earlier call in this process may have set zh
        return
    words = _phrases("cli.help.")
    own = _phrases("cli.argparse.")

    def walk(p: argparse.ArgumentParser) -> None:
        if p.description in words:
            p.description = words[p.description]
        for group in p._action_groups:  # "positional arguments", "options": titled when the parser was made
            group.title = own.get(str(group.title), words.get(str(group.title), group.title))
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = words.get(str(choice.help), choice.help)
                for sub in action.choices.values():
                    walk(sub)
            elif action.help in words:
                action.help = words[str(action.help)]

    walk(parser)
    argparse._ = lambda text: own.get(text, text)  # type: ignore[attr-defined]  # argparse's gettext


def default_lang() -> str:
    """The language of the environment (LC_ALL, LC_MESSAGES, LANG)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return lang_of(os.environ[var])
    return "en"
