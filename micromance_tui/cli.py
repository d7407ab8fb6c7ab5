"""The `micromance` command: the bare command opens the TUI, subcommands work headless.

Headless subcommands use the core only and never import Textual, so they start fast enough
for a shell start-up file. Every error is one line on stderr, never a traceback; an
unexpected exception is logged to a private file whose path is printed (core/crashlog.py).

Everything the headless commands write goes through ``output.SafeOutput``, the one place
output is written: text from files or the user never reaches the terminal raw (control
characters and bidi overrides are shown escaped, see ``terminal_safe``), and what the
terminal's encoding cannot show (an emoji under ``LANG=C``) is replaced, never an error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from micromance_tui import __version__
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import Clock, clock_from_env
from micromance_tui.core.models import PROMPT_DECKS
from micromance_tui.core.paths import Paths
from micromance_tui.exitcodes import EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError
from micromance_tui.output import SafeOutput, log_unexpected, say

if TYPE_CHECKING:
    import argparse


def _add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    import argparse

    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"folder for the journal (default: ${paths_mod.DATA_ENV} or the platform's data dir)",
    )
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        default=default,
        help=f"folder for your own gestures (default: ${paths_mod.CONFIG_ENV} or the platform's "
        "config dir)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help="a second person on this machine: own journal, gestures and cache, in a "
        f"'{paths_mod.PROFILES_DIR}/NAME' folder inside each of the usual ones",
    )


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="micromance",
        description="A terminal companion for micro-mance: small, steady, everyday acts of "
        "care. Run without a command to open the full-screen app.",
        epilog="Run 'micromance COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--theme", metavar="NAME", help="open the app with this theme (it is remembered)"
    )
    _add_common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def add(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=description)
        _add_common(p, suppress=True)
        return p

    p = add(
        "check",
        "validate the shipped content and your own gesture and prompt files",
        "Validate content files. With no FILE, checks the shipped content and your own "
        "gestures and prompts in the config folder. Each FILE is checked by its name: "
        "languages.yaml, faq.yaml, guides.yaml or quiz.yaml as that kind, a file in a folder "
        "named 'prompts' as conversation prompts, any other as a gestures file. Gestures "
        "whose text and moments disagree (a 'weekend' in the title without the tag) are "
        "listed as warnings, which do not fail the check.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", type=Path, help="files to check")

    p = add(
        "today",
        "print today's idea (fits a shell start-up file)",
        "Print today's small idea: one that fits the time of day and the day (weekend ideas "
        "only on a free day, ideas for a hard or special day only when you say so), the "
        "same all day, weighted by your partner's quiz profile when there is one, skipping "
        "ideas tried in the last 30 days.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.add_argument(
        "--mood",
        choices=("ordinary", "hard-day", "special", "apart"),
        help="say how today is, for today only: a hard day for them, a special day, or "
        "apart today; ideas for such days are offered only when you say so",
    )
    off = p.add_mutually_exclusive_group()
    off.add_argument(
        "--day-off",
        action="store_true",
        default=None,
        help="today is a free day: ideas that need a weekend may come up (today only)",
    )
    off.add_argument(
        "--no-day-off", dest="day_off", action="store_false", help="today is not a day off"
    )

    p = add(
        "apart",
        "turn apart mode on or off, or show it",
        "Apart mode: while you are apart (a trip, long distance), today's idea is always "
        "one that works at a distance. It stays on until you turn it off.",
    )
    p.add_argument(
        "state",
        nargs="?",
        choices=("on", "off", "status"),
        default="status",
        help="on, off, or status (the default)",
    )

    p = add(
        "ask",
        "print a question to ask each other today",
        "Print a conversation prompt: an open question to ask each other, the same all "
        "day, skipping the ones you marked asked on earlier days.",
    )
    p.add_argument(
        "--deck",
        metavar="NAME",
        help="only from this deck: " + ", ".join(PROMPT_DECKS),
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = add(
        "tried",
        "log that you tried an idea",
        "Log that you tried an idea, with an optional note and how it landed.",
    )
    p.add_argument("gesture_id", metavar="ID", help="the idea's id, as shown by 'today' or the app")
    p.add_argument("--note", metavar="TEXT", default="", help="a short note (how it went)")
    p.add_argument(
        "--where",
        metavar="TEXT",
        default="",
        help="where it happened, in a few words (optional)",
    )
    p.add_argument(
        "--reaction",
        metavar="N",
        help="how it landed, 1 to 5 (1 fell flat, 3 fine, 5 loved it)",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="when you did it (default: today)")
    p.add_argument(
        "--again",
        action="store_true",
        help="log it even if it is already logged for that day (without it, a second one "
        "for the same day is refused)",
    )

    p = add("log", "print what you have tried, newest first", "Print the journal, newest first.")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only entries on or after this date")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--csv", action="store_true", help="print CSV")

    p = add(
        "export",
        "write everything in your journal to a JSON file",
        "Write the whole journal (tried ideas, favourites, quiz results, partner, settings) "
        "to a JSON file, for a backup or another machine.",
    )
    p.add_argument("file", metavar="FILE", type=Path, help="where to write ('-' for stdout)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = add(
        "import",
        "merge an exported JSON file into your journal",
        "Merge an export into the journal. Entries are matched by id, so importing the same "
        "file twice adds nothing. A bad file changes nothing.",
    )
    p.add_argument("file", metavar="FILE", type=Path, help="an export made by 'micromance export'")

    from micromance_tui.together_cli import add_parsers

    add_parsers(add)

    p = add(
        "serve",
        "open the app in a web browser (needs the 'web' extra)",
        "Serve the app to a web browser through textual-serve: each browser tab runs its own "
        "app, with the same folders as the terminal app. Prints the address to open. Listens "
        "on 127.0.0.1 only unless --host says otherwise; any other host needs the secret "
        "token in the address (a random one unless --token is given).",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=8000, help="port to listen on (default: 8000; 0 picks one)"
    )
    p.add_argument("--token", metavar="T", help="a fixed secret for the address, for a bookmark")
    return parser


def _paths(args: argparse.Namespace) -> Paths:
    try:
        return paths_mod.resolve(
            data_dir=getattr(args, "data_dir", None),
            config_dir=getattr(args, "config_dir", None),
            profile=getattr(args, "profile", None),
        )
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args: Any
    if arguments:
        args = build_parser().parse_args(arguments)
    else:
        # The bare command opens the app: skip building the parser, which costs start-up.
        args = SimpleNamespace(command=None, version=False, theme=None)
    if args.version:
        from importlib.metadata import PackageNotFoundError, version

        try:
            textual_version = version("textual")
        except PackageNotFoundError:
            textual_version = "not installed"
        print(f"micromance {__version__} (Textual {textual_version})")
        return EXIT_OK
    paths: Paths | None = None
    out, err = sys.stdout, sys.stderr
    if args.command is not None:  # the app draws on the terminal itself: leave it alone
        sys.stdout, sys.stderr = SafeOutput(out), SafeOutput(err)
    try:
        try:
            paths = _paths(args)
        except ValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        try:
            clock = clock_from_env()
        except ValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        command: Callable[[argparse.Namespace, Paths, Clock], int]
        if args.command is None:
            from micromance_tui.launch import run_app as command
        elif args.command == "serve":
            from micromance_tui.web import cmd_serve as command
        else:
            from micromance_tui import commands

            command = getattr(commands, f"cmd_{args.command}")
        return command(args, paths, clock)
    except CliError as exc:
        say(str(exc))
        return exc.code
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        where = log_unexpected(exc, paths)
        # The type only: a message can quote a note, and this line ends up in bug reports.
        say(f"unexpected error ({type(exc).__name__}); details in {where}")
        return EXIT_ERROR
    finally:
        sys.stdout, sys.stderr = out, err
