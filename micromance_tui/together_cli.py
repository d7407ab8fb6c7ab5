"""The Together subcommands: ``together init|join|status|sync|share|about|leave``,
``appreciate``, ``react`` and ``inbox``. Core only: never imports Textual. The crypto
library is imported only by the commands that need it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from micromance_tui.core.clock import Clock
from micromance_tui.core.journal import REACTIONS
from micromance_tui.core.paths import Paths
from micromance_tui.core.plural import plural
from micromance_tui.core.textcheck import printable
from micromance_tui.exitcodes import EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError
from micromance_tui.headless import load_content, open_journal, parse_reaction

if TYPE_CHECKING:
    import argparse

    from micromance_tui.core.journal import ImportantDate, Journal, QuizResult
    from micromance_tui.core.models import Library
    from micromance_tui.core.together.session import Status, Together


def add_parsers(add: Any) -> None:
    """Declare the Together commands on the main parser (``add`` is cli's helper)."""
    p = add(
        "together",
        "share with your partner through a synced folder or a git remote",
        "Pair two machines through a folder you both sync (Syncthing, Dropbox, iCloud, "
        "Nextcloud) or a git remote. Everything in it is encrypted with a key made from the "
        "pairing code; each of you writes only your own file.",
    )
    sub = p.add_subparsers(dest="together_command", metavar="ACTION", required=True)
    q = sub.add_parser("init", help="pair: make a pairing code for FOLDER (shown once)")
    q.add_argument("folder", metavar="FOLDER", help="a synced folder, or a git URL")
    q.add_argument("--name", metavar="NAME", help="your name, as your partner will see it")
    q.add_argument("--json", action="store_true", help='print {"code": ...}')
    q = sub.add_parser("join", help="join the pairing made on the other machine")
    q.add_argument("folder", metavar="FOLDER", help="the same folder (or git URL)")
    q.add_argument("code", metavar="CODE", help="the pairing code shown by 'together init'")
    q.add_argument("--name", metavar="NAME", help="your name, as your partner will see it")
    q = sub.add_parser("status", help="who, what is shared, when the partner last wrote")
    q.add_argument("--json", action="store_true", help="print JSON")
    sub.add_parser("sync", help="write and read now (with a git remote: pull and push)")
    q = sub.add_parser("share", help="show or change what you share: KEY=on|off ...")
    q.add_argument("changes", nargs="*", metavar="KEY=on|off")
    q = sub.add_parser("about", help="share one of your own little things (what you like)")
    q.add_argument("label", metavar="LABEL", help="e.g. Coffee")
    q.add_argument("text", metavar="TEXT", help="e.g. oat flat white, no sugar")
    sub.add_parser("leave", help="forget the key and everything shared, on this machine")

    p = add(
        "appreciate",
        "send your partner a short 'I noticed...' line",
        "Send your partner an appreciation: a short line they see on their Today.",
    )
    p.add_argument("text", metavar="TEXT", help="what you noticed (up to 500 characters)")
    p = add(
        "react",
        "say how something your partner did for you landed",
        "Tell your partner how something they did for you landed, 1 to 5. The ID is shown "
        "by 'micromance inbox' (the first 8 characters are enough).",
    )
    p.add_argument("event_id", metavar="ID", help="what they did, as 'inbox' shows it")
    p.add_argument("reaction", metavar="1-5", help="1 fell flat, 3 fine, 5 loved it")
    p = add(
        "question",
        "today's question for the two of you, and your answers",
        "The daily question: both of you get the same one each day. Answer it with "
        "--answer; your partner's answer shows once you have both answered.",
    )
    p.add_argument("--answer", metavar="TEXT", help="your answer to today's question")
    p.add_argument("--history", action="store_true", help="past questions and answers")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add(
        "inbox",
        "show what came from your partner and is not yet seen",
        "Show what your partner shared since you last looked, then mark it seen.",
    )
    p.add_argument("--json", action="store_true", help="print JSON")


# --------------------------------------------------------------------------- helpers


def _session(paths: Paths) -> Together:
    from micromance_tui.core.together.session import Together, TogetherError

    try:
        session = Together.load(paths.together_file, paths.together_git_dir)
    except TogetherError as exc:
        raise CliError(str(exc)) from None
    if session is None:
        raise CliError(
            "not paired yet: run 'micromance together init FOLDER' on one machine and "
            "'micromance together join FOLDER CODE' on the other"
        )
    return session


def _exchange(
    session: Together, paths: Paths, clock: Clock, *, pull: bool = False
) -> tuple[Status, Journal, Library]:
    from micromance_tui.core.together.session import TogetherError

    library = load_content(paths).library
    journal = open_journal(paths, clock).journal
    try:
        status = session.exchange(journal, library, clock(), pull=pull)
    except TogetherError as exc:
        raise CliError(str(exc)) from None
    return status, journal, library


def _paired(paths: Paths) -> Together | None:
    """The session when this data folder is paired, else None, for the commands that only
    add to what they show when paired. Not paired, it imports nothing of Together's (one
    stat). TogetherError when the local state cannot be read."""
    from micromance_tui.core.together import is_paired

    if not is_paired(paths.together_file):
        return None
    from micromance_tui.core.together.session import Together

    return Together.load(paths.together_file, paths.together_git_dir)


def exchange_if_paired(paths: Paths, journal: Journal, library: Library, now: datetime) -> None:
    """After a change to the journal: write this member's file, if paired. A problem is one
    line on stderr; the journal change stands."""
    import sys

    from micromance_tui.core.together.session import TogetherError

    try:
        session = _paired(paths)
        if session is not None:
            session.exchange(journal, library, now)
    except TogetherError as exc:
        print(f"micromance: together: {exc}", file=sys.stderr)


class PartnerToday(NamedTuple):
    """What ``today`` takes from the partner, as of the last read of their file: what they
    did for you and sent lately, their own quiz result (which weighs today's idea), and their
    name when their file has changed since (else "")."""

    items: list[dict[str, Any]]
    news_from: str
    quiz: QuizResult | None
    #: the dates they added, and their name (for "(from Sam)")
    dates: list[ImportantDate]
    name: str


NOTHING_SHARED = PartnerToday([], "", None, [], "")


def for_today(paths: Paths, journal: Journal, library: Library, now: datetime) -> PartnerToday:
    """For ``today``: what the partner shared, from the small ``together.json`` (nothing
    when not paired). It does not read the partner's file (with 20,000 events that read
    costs more than the whole of ``today`` may: benchmarks/bench_together.py); when their
    file has changed it says so, and the app, ``inbox`` or ``together sync`` reads it. The
    one exception: when something of ours was never written (the app was stopped first),
    ``today`` writes it, and reads the folder first so nothing a second machine of ours
    wrote is lost."""
    from micromance_tui.core.together.session import TogetherError

    try:
        session = _paired(paths)
        if session is None:
            return NOTHING_SHARED
        session.exchange(journal, library, now, read=False)
    except TogetherError:
        return NOTHING_SHARED
    name = session.partner_name
    items = [
        {
            "id": e["id"],
            "kind": e["kind"],
            "from": name,
            "day": e["day"],
            "text": e.get("title") or e.get("text", ""),
            "note": e.get("note", ""),
            "reaction": e["my_reaction"],
        }
        for e in session.from_partner(now.date())
    ]
    return PartnerToday(
        items,
        name if session.partner_news() else "",
        session.partner_quiz(),
        session.their_dates(),
        name,
    )


def partner_reactions(paths: Paths) -> tuple[str, dict[str, int]]:
    """For ``log``: the partner's name and their reactions by journal entry id ({} when not
    paired). Reads only the small state file: no crypto."""
    from micromance_tui.core.together.session import TogetherError

    try:
        session = _paired(paths)
    except TogetherError:
        return "", {}
    return ("", {}) if session is None else (session.partner_name, session.reactions_to_me())


def _name(args: argparse.Namespace, paths: Paths, clock: Clock) -> str:
    from micromance_tui.core.together.session import name_problem

    if args.name is not None:
        name = str(args.name).strip()
    else:
        name = str(open_journal(paths, clock).journal.settings().my_name)
    problem = name_problem(name)
    if problem:
        raise CliError(f"--name {name!r}: {problem}", EXIT_USAGE)
    return name


def _line(text: str, limit: int = 100) -> str:
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _print_until_sync(status: Status) -> None:
    """With a git remote a change waits in the local clone until ``together sync`` pushes
    it: say so, so "sent" is never claimed early."""
    if status.git:
        print("  it reaches them with the next 'micromance together sync' (pull and push)")


def _print_problems(problems: list[str]) -> None:
    for problem in problems:
        print(f"  ! {_line(problem, 200)}")


# --------------------------------------------------------------------------- together


def cmd_together(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    action = args.together_command
    handler = {
        "init": _init,
        "join": _join,
        "status": _status,
        "sync": _sync,
        "share": _share,
        "about": _about,
        "leave": _leave,
    }[action]
    return handler(args, paths, clock)


def _init(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.session import Together, TogetherError, TogetherUsageError

    name = _name(args, paths, clock)
    try:
        session, code = Together.init(
            args.folder, name, paths.together_file, paths.together_git_dir, clock()
        )
    except TogetherUsageError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except TogetherError as exc:
        raise CliError(str(exc)) from None
    status, _journal, _library = _exchange(session, paths, clock, pull=True)
    if args.json:
        print(json.dumps({"code": code, "folder": args.folder}))
        return EXIT_OK
    print(f"Paired through {args.folder}. Your pairing code (shown only this once):")
    print()
    print(f"    {code}")
    print()
    print("On your partner's machine, once the folder is there too, run:")
    print(f"    micromance together join {args.folder} {code}")
    _print_problems(status.problems)
    return EXIT_OK


def _join(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.session import Together, TogetherError, TogetherUsageError

    name = _name(args, paths, clock)
    try:
        session = Together.join(
            args.folder, args.code, name, paths.together_file, paths.together_git_dir, clock()
        )
    except TogetherUsageError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except TogetherError as exc:
        raise CliError(str(exc)) from None
    status, _journal, _library = _exchange(session, paths, clock, pull=True)
    who = status.partner.name if status.partner else "your partner"
    if session.same_person_as is not None:
        me = _line(session.same_person_as)
        print(
            f"Joined as another machine of {me} (the name is the same): this machine shares "
            f"{me}'s file with {who}, through {args.folder}. If you are not {me}, run "
            "'micromance together leave' and join again with your own --name."
        )
    else:
        print(f"Joined. You and {who} now share through {args.folder}.")
    _print_problems(status.problems)
    return EXIT_OK


def _status(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    status, _journal, _library = _exchange(_session(paths), paths, clock)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    from micromance_tui.core.together.session import SHARE_LABELS

    how = (
        "a git remote ('micromance together sync' pulls and pushes)"
        if status.git
        else ("a synced folder")
    )
    print(f"Together through {status.folder_shown}, {how}")
    print(f"  you: {_line(status.me) or '(no name)'}")
    if status.partner is None:
        print("  partner: not joined yet")
    else:
        print(
            f"  partner: {_line(status.partner_line(clock()))}, "
            f"{plural(status.partner.events, 'thing')} shared"
        )
    print("  you share:")
    for key, label in SHARE_LABELS.items():
        mark = "yes" if status.share[key] else "no "
        print(f"    {mark}  {label}  ({key})")
    if status.problems:
        print("  problems:")
        _print_problems(status.problems)
    return EXIT_OK


def _sync(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    status, _journal, _library = _exchange(_session(paths), paths, clock, pull=True)
    what = "pulled and pushed" if status.git else "wrote your file and read your partner's"
    print(f"Synced: {what}.")
    if status.partner is not None:
        print(f"  {_line(status.partner_line(clock()))}")
    _print_problems(status.problems)
    return EXIT_ERROR if status.problems and status.git else EXIT_OK


def _share(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.session import SHARE_LABELS

    session = _session(paths)
    changes: dict[str, bool] = {}
    for item in args.changes:
        key, _, value = item.partition("=")
        if key not in SHARE_LABELS or value not in ("on", "off"):
            raise CliError(
                f"'{item}': use KEY=on or KEY=off with KEY one of {', '.join(SHARE_LABELS)}",
                EXIT_USAGE,
            )
        changes[key] = value == "on"
    if changes:
        session.set_share(changes)
        _exchange(session, paths, clock)
    for key, label in SHARE_LABELS.items():
        print(f"{'yes' if session.share[key] else 'no '}  {label}  ({key})")
    return EXIT_OK


def _about(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.events import EventError, new_event_id
    from micromance_tui.core.together.session import TogetherUsageError

    session = _session(paths)
    payload = {"label": args.label.strip(), "text": args.text.strip()}
    try:
        session.add_mine("thing", f"thing:{new_event_id()}", payload)
    except TogetherUsageError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except EventError as exc:
        raise CliError(f"little thing: {exc}", EXIT_USAGE) from None
    status, _j, _l = _exchange(session, paths, clock)
    print(
        f"Shared with {session.partner_name}: {_line(payload['label'])}: {_line(payload['text'])}"
    )
    _print_until_sync(status)
    _print_problems(status.problems)
    return EXIT_OK


def _leave(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together import is_paired
    from micromance_tui.core.together.session import Together, TogetherError

    if is_paired(paths.together_file):
        try:
            Together.load(paths.together_file, paths.together_git_dir)
        except TogetherError:  # damaged: leaving is the way out, so it must work
            Together.forget(paths.together_file, paths.together_git_dir)
            print(
                f"Left: the damaged {paths.together_file.name}, the key and everything shared "
                "are forgotten on this machine; pair again to share."
            )
            return EXIT_OK
    session = _session(paths)
    folder, partner = session.state["folder"], session.partner_name
    session.leave()
    print(
        f"Left: the key and everything shared are forgotten on this machine. Your file in "
        f"{folder} stays, encrypted, until you delete it; {partner}'s app can still read it, "
        "as can anyone with the pairing code."
    )
    return EXIT_OK


# --------------------------------------------------------------------------- appreciate


def cmd_appreciate(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.events import EventError, new_event_id
    from micromance_tui.core.together.session import TogetherUsageError

    session = _session(paths)
    text = args.text.strip()
    try:
        session.add_mine("appreciation", f"appreciation:{new_event_id()}", {"text": text})
    except TogetherUsageError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except EventError as exc:
        raise CliError(f"appreciation: {exc}", EXIT_USAGE) from None
    status, _j, _l = _exchange(session, paths, clock)
    sent = "Ready for" if status.git else "Sent to"
    print(f"{sent} {session.partner_name}: {_line(text)}")
    _print_until_sync(status)
    _print_problems(status.problems)
    return EXIT_OK


# --------------------------------------------------------------------------- react


def cmd_react(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.session import TogetherUsageError

    reaction = parse_reaction(args.reaction)
    assert reaction is not None
    session = _session(paths)
    _exchange(session, paths, clock)
    try:
        event = session.find_partner_event(args.event_id, ("tried",))
        session.add_mine("react", f"react:{event['id']}", {"to": event["id"], "reaction": reaction})
    except TogetherUsageError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    status, _j, _l = _exchange(session, paths, clock)
    print(
        f"Told {session.partner_name}: {_line(event['title'])} ({event['date']}) "
        f"{REACTIONS[reaction]}."
    )
    _print_until_sync(status)
    _print_problems(status.problems)
    return EXIT_OK


# --------------------------------------------------------------------------- inbox


def cmd_inbox(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.session import describe_event

    session = _session(paths)
    status, _journal, library = _exchange(session, paths, clock)
    unseen = session.unseen()
    if args.json:
        rows = [
            {**e, "from": session.partner_name, "text_line": describe_event(e, session, library)}
            for e in unseen
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not unseen:
        print(f"Nothing new from {session.partner_name}.")
    else:
        for e in unseen:
            hint = f"   [react: micromance react {e['id'][:8]} 1-5]" if e["kind"] == "tried" else ""
            print(f"{e['at'][:10]}  {describe_event(e, session, library)}{hint}")
    _print_problems(status.problems)
    session.mark_seen([e["id"] for e in unseen])
    return EXIT_OK


# --------------------------------------------------------------------------- question


def _asked_json(row: Any) -> dict[str, Any]:
    return {
        "date": row.day,
        "question_id": row.prompt_id,
        "question": row.question,
        "mine": row.mine,
        "theirs": row.theirs,
        "they_answered": row.they_answered,
    }


def cmd_question(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.together.events import EventError
    from micromance_tui.core.together.question import shared_prompts
    from micromance_tui.core.together.session import TogetherUsageError

    session = _session(paths)
    status, _journal, library = _exchange(session, paths, clock)
    prompts = shared_prompts(library.prompts)
    today = clock().date()
    prompt = session.question(today, prompts)
    if prompt is None:
        raise CliError("there are no conversation prompts to ask from")
    if args.answer is not None:
        try:
            session.answer(today, prompt.id, args.answer)
        except TogetherUsageError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        except EventError as exc:
            raise CliError(f"answer: {exc}", EXIT_USAGE) from None
        status, _journal, library = _exchange(session, paths, clock)
    rows = session.questions(prompts)
    todays = next((r for r in rows if r.day == today.isoformat()), None)
    if args.json:
        payload = {
            "date": today.isoformat(),
            "question": {"id": prompt.id, "text": prompt.text, "follow_up": prompt.follow_up},
            "mine": todays.mine if todays else None,
            "theirs": todays.theirs if todays else None,
            "they_answered": bool(todays and todays.they_answered),
            "history": [_asked_json(r) for r in rows] if args.history else None,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    name = session.partner_name
    if args.history:
        if not rows:
            print("No questions answered yet.")
        for row in rows:
            print(f"{row.day}  {_line(row.question)}")
            print(f"    you: {_line(row.mine, 200) if row.mine else '(no answer)'}")
            theirs = (
                _line(row.theirs, 200)
                if row.theirs
                else "(answered: answer to see it)"
                if row.they_answered
                else "(no answer)"
            )
            print(f"    {name}: {theirs}")
        return EXIT_OK
    print(f"Today's question for you and {name}: {_line(prompt.text, 200)}")
    if prompt.follow_up:
        print(f"  then: {_line(prompt.follow_up, 200)}")
    if todays is None or todays.mine is None:
        waiting = f" {name} has answered." if todays and todays.they_answered else ""
        print(f'  answer it: micromance question --answer "..."{waiting}')
    else:
        print(f"  you: {_line(todays.mine, 200)}")
        if todays.theirs is not None:
            print(f"  {name}: {_line(todays.theirs, 200)}")
        else:
            print(f"  {name} has not answered yet; theirs shows once they have.")
    _print_problems(status.problems)
    return EXIT_OK
