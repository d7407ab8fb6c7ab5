"""What each `micromance` subcommand does. Core only: nothing here imports Textual (the
bare command opens the app through `launch`)."""

from __future__ import annotations

import difflib
import json
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from micromance_tui.core.clock import Clock
from micromance_tui.core.content import (
    ContentError,
    ContentErrors,
    check_all,
    check_files,
    moment_warnings,
)
from micromance_tui.core.daily import (
    REMINDER_DAYS,
    coming_up,
    date_label,
    describe_date,
    todays_idea,
)
from micromance_tui.core.journal import (
    REACTIONS,
    UNSET,
    Journal,
    JournalError,
    JournalImportError,
    JournalRepeatError,
    JournalValueError,
)
from micromance_tui.core.models import (
    DATE_IDEA_TAG,
    EFFORTS,
    LANGUAGE_IDS,
    MOMENTS,
    PROMPT_DECKS,
    SITUATIONS,
    Library,
)
from micromance_tui.core.paths import Paths
from micromance_tui.core.plural import plural
from micromance_tui.core.textcheck import printable
from micromance_tui.exitcodes import EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError
from micromance_tui.headless import load_content, open_journal, parse_reaction
from micromance_tui.output import json_ascii, say

if TYPE_CHECKING:
    import argparse


def _err(message: str) -> None:
    say(message)


# --------------------------------------------------------------------------- shared steps


def parse_day(value: str, what: str, *, today: date | None = None) -> date:
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{what} '{value}' is not a date: use YYYY-MM-DD", EXIT_USAGE) from None
    if today is not None and day > today:
        raise CliError(
            f"{what} {day.isoformat()} is in the future: use today ({today.isoformat()}) "
            "or an earlier day",
            EXIT_USAGE,
        )
    return day


def suggest_ids(library: Library, wanted: str) -> list[str]:
    ids = [g.id for g in library.gestures]
    close = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.5)
    words = set(wanted.lower().replace("-", " ").split())
    if len(close) < 3 and words:
        for g in library.gestures:
            if g.id not in close and words <= set(
                f"{g.id} {g.title}".lower().replace("-", " ").split()
            ):
                close.append(g.id)
            if len(close) >= 3:
                break
    return close


# --------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    errors: list[ContentError]
    if args.files:
        library, errors = check_files(list(args.files), paths)
        user_errors: list[ContentError] = []
    else:
        library, errors, user_errors = check_all(paths)
        errors = [*errors, *_synonym_errors()]
    for error in [*errors, *user_errors]:
        print(str(error))
    total = len(errors) + len(user_errors)
    if total:
        print(f"{plural(total, 'error')} found", file=sys.stderr)
        return EXIT_ERROR
    assert library is not None
    warnings = moment_warnings(paths, list(args.files) if args.files else None)
    for warning in warnings:
        print(str(warning))
    print(_summary(library, given=bool(args.files)))
    if warnings:
        print(
            f"  {plural(len(warnings), 'warning')}: the text and the moments disagree "
            "(see 'Moments tell the truth' in docs/content.md)"
        )
    return EXIT_OK


def _synonym_errors() -> list[ContentError]:
    """The search's synonym groups are shipped data too: check them with the rest."""
    from micromance_tui.core.synonyms import SHIPPED, read_synonyms

    try:
        read_synonyms(SHIPPED)
    except ContentErrors as exc:
        return exc.errors
    return []


def _summary(library: Library, *, given: bool) -> str:
    lines = ["Checked the files given: no errors." if given else "Content OK: no errors."]
    counts = library.counts()
    lines.append(
        f"  {counts['gestures']} gestures, {counts['faq']} FAQ entries, {counts['guides']} "
        f"guides, {counts['languages']} love languages, quiz {counts['quiz classic']} classic "
        f"pairs + {counts['quiz rating']} rating statements"
    )
    if library.gestures:
        by_lang = library.counts_by_language()
        lines.append(
            "  by main love language: " + ", ".join(f"{k} {by_lang[k]}" for k in LANGUAGE_IDS)
        )
        effort = Counter(g.effort for g in library.gestures)
        tiny_free = sum(1 for g in library.gestures if g.effort == "tiny" and g.cost == "free")
        lines.append(
            "  by effort: "
            + ", ".join(f"{k} {effort.get(k, 0)}" for k in EFFORTS)
            + f" (tiny and free: {tiny_free})"
        )
        moments = Counter(m for g in library.gestures for m in g.moments)
        lines.append("  by moment: " + ", ".join(f"{k} {moments.get(k, 0)}" for k in MOMENTS))
        situations = Counter(s for g in library.gestures for s in g.situations)
        dates = sum(1 for g in library.gestures if DATE_IDEA_TAG in g.tags)
        lines.append(
            "  by situation: "
            + ", ".join(f"{k} {situations.get(k, 0)}" for k in SITUATIONS)
            + f"; date ideas: {dates}"
        )
    if library.prompts:
        by_deck = library.counts_by_deck()
        decks = sum(1 for n in by_deck.values() if n)
        lines.append(
            f"  {plural(len(library.prompts), 'prompt')} in {plural(decks, 'deck')}: "
            + ", ".join(f"{k} {n}" for k, n in by_deck.items())
        )
    own_g = [g.source for g in library.gestures if g.source.startswith("user:")]
    own_p = [p.source for p in library.prompts if p.source.startswith("user:")]
    if own_g or own_p:
        files = len(set(own_g)) + len(set(own_p))
        lines.append(
            f"  your own: {plural(len(own_g), 'gesture')} and {plural(len(own_p), 'prompt')} "
            f"from {plural(files, 'file')}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- today


def _say_today(args: argparse.Namespace, journal: Journal, today: date) -> None:
    """Store what `--mood` / `--day-off` said about today (today only)."""
    mood = getattr(args, "mood", None)
    day_off = getattr(args, "day_off", None)
    if mood is None and day_off is None:
        return
    try:
        journal.set_said_today(
            today,
            mood=UNSET if mood is None else mood,
            day_off=UNSET if day_off is None else day_off,
        )
    except JournalError as exc:
        raise CliError(f"could not save how today is: {exc}") from None


def cmd_today(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    library = load_content(paths).library
    opened = open_journal(paths, clock)
    now = clock()
    _say_today(args, opened.journal, now.date())
    from micromance_tui.together_cli import for_today

    partner = for_today(paths, opened.journal, library, now)
    info = todays_idea(library, opened.journal, now, theirs=partner.quiz)
    upcoming = coming_up(info.upcoming, partner.dates, now.date(), REMINDER_DAYS, partner.name)
    day = info.day
    if args.json:
        payload: dict[str, Any] = {"date": now.date().isoformat(), "idea": None, "upcoming": []}
        if day is not None:
            payload["day"] = {
                "time_of_day": day.slot,
                "mood": day.mood,
                "day_off": day.day_off,
                "free_day": day.free_day,
                "apart": day.apart,
                "apart_today": day.is_apart,
            }
        if info.gesture is not None:
            g = info.gesture
            payload["idea"] = {
                "id": g.id,
                "title": g.title,
                "summary": g.summary,
                "language": g.language,
                "language_name": library.language_name(g.language),
                "effort": g.effort,
                "cost": g.cost,
                "moments": list(g.moments),
                "situations": list(g.situations),
                "reason": info.reason,
                "relaxed": info.relaxed_text,
                "tried_today": info.tried_today,
            }
        payload["upcoming"] = [
            {
                "kind": d.kind,
                "label": d.label,
                "date": (now.date() + _days(days)).isoformat(),
                "days": days,
                "text": describe_date(d, days, info.partner, added_by=who),
                "from_partner": bool(who),
            }
            for d, days, who in upcoming
        ]
        payload["from_partner"] = partner.items
        payload["partner_news"] = bool(partner.news_from)
        print(json.dumps(payload, ensure_ascii=json_ascii(), indent=2))
        return opened.finish(EXIT_OK)
    if info.gesture is None:
        print("No ideas to choose from: the library is empty.")
        return opened.finish(EXIT_OK)
    g = info.gesture
    done = "  (done today)" if info.tried_today else ""
    print(f"Today's idea: {g.title}{done}")
    print(f"  {g.summary}")
    print(f"  {library.language_name(g.language)} · {g.effort} · {g.cost}")
    if info.reason:
        print(
            textwrap.fill(
                f"why this one: {info.reason}", 96, initial_indent="  ", subsequent_indent="    "
            )
        )
    if day is not None and (day.mood != "ordinary" or day.day_off or day.apart):
        said = [info.mood_label] if day.mood != "ordinary" else []
        said += ["a day off"] if day.day_off else []
        said += ["apart mode is on (micromance apart off)"] if day.apart else []
        print(f"  today: {', '.join(said)}")
    if not info.tried_today:
        print(f"  done it? micromance tried {g.id}")
    for item, days, who in upcoming:
        label = date_label(item, days, now.date())
        print(f"  ♥ {describe_date(item, days, info.partner, added_by=who)} ({label})")
    for shared in partner.items[:3]:
        line = f"  ♡ {shared['from']}: {_one_line(shared['text'], 60)} ({shared['day']})"
        if shared["kind"] == "tried":  # something they did for you: how did it land?
            if shared["reaction"] is None:
                line += f"\n      how did it land? micromance react {shared['id'][:8]} 1-5"
            else:
                line += f", you: {REACTIONS[shared['reaction']]}"
        print(line)
    if partner.news_from:
        print(f"  ♡ something new from {partner.news_from}: see it with micromance inbox")
    return opened.finish(EXIT_OK)


# --------------------------------------------------------------------------- apart


def cmd_apart(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    opened = open_journal(paths, clock)
    journal = opened.journal
    if args.state in ("on", "off"):
        try:
            journal.update_settings(apart=args.state == "on")
        except JournalError as exc:
            raise CliError(f"could not switch apart mode {args.state}: {exc}") from None
    if journal.settings().apart:
        print("Apart mode is on: today's idea is one that works at a distance.")
        print("  back together? micromance apart off")
    else:
        print("Apart mode is off.")
        print("  apart for a while? micromance apart on")
    return opened.finish(EXIT_OK)


def _days(n: int) -> Any:
    from datetime import timedelta

    return timedelta(days=n)


# --------------------------------------------------------------------------- ask


def cmd_ask(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.ask import todays_prompt, unknown_deck_message

    deck = (args.deck or "").strip()
    if deck and deck not in PROMPT_DECKS:
        raise CliError(unknown_deck_message(deck), EXIT_USAGE)
    library = load_content(paths).library
    opened = open_journal(paths, clock)
    today = clock().date()
    asked = opened.journal.asked()
    prompt = todays_prompt(library, asked, today, deck)
    asked_today = prompt is not None and any(
        e.prompt_id == prompt.id and e.date == today for e in asked
    )
    if args.json:
        payload: dict[str, Any] = {"date": today.isoformat(), "deck": deck, "prompt": None}
        if prompt is not None:
            payload["prompt"] = {
                "id": prompt.id,
                "deck": prompt.deck,
                "deck_name": prompt.deck_name,
                "text": prompt.text,
                "follow_up": prompt.follow_up,
                "asked_today": asked_today,
                "favourite": prompt.id in opened.journal.prompt_favourites(),
            }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return opened.finish(EXIT_OK)
    if prompt is None:
        where = f" in the deck {deck!r}" if deck else ""
        print(f"No questions to ask{where} yet.")
        return opened.finish(EXIT_OK)
    done = "  (asked today)" if asked_today else ""
    print(f"Ask each other ({prompt.deck_name}){done}:")
    print(f"  {prompt.text}")
    if prompt.follow_up:
        print(f"  then: {prompt.follow_up}")
    return opened.finish(EXIT_OK)


# --------------------------------------------------------------------------- tried


def cmd_tried(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    library = load_content(paths).library
    gesture = library.gesture_by_id.get(args.gesture_id.strip())
    if gesture is None:
        close = suggest_ids(library, args.gesture_id)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise CliError(f"no idea has the id '{args.gesture_id}'{hint}", EXIT_USAGE)
    reaction = parse_reaction(args.reaction)
    today = clock().date()
    day = parse_day(args.date, "date", today=today) if args.date else today
    opened = open_journal(paths, clock)
    try:
        entry = opened.journal.add_tried(
            gesture.id,
            on=day,
            note=args.note,
            reaction=reaction,
            repeat=args.again,
            where=args.where,
        )
    except JournalRepeatError:
        when = "today" if day == today else f"for {day.isoformat()}"
        raise CliError(
            f"'{gesture.id}' is already logged {when}; add --again to log it a second time",
            EXIT_USAGE,
        ) from None
    except JournalValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except JournalError as exc:
        raise CliError(str(exc), EXIT_ERROR) from None
    landed = f", {REACTIONS[entry.reaction]}" if entry.reaction else ""
    print(f"Logged: {gesture.title} on {entry.date.isoformat()}{landed}.")
    from micromance_tui.together_cli import exchange_if_paired

    exchange_if_paired(paths, opened.journal, library, clock())
    return opened.finish(EXIT_OK)


# --------------------------------------------------------------------------- log


def cmd_log(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    since = parse_day(args.since, "--since") if args.since else None
    library = load_content(paths).library
    opened = open_journal(paths, clock)
    from micromance_tui.core.journal.transfer import entry_row, rows_to_csv

    rows = [entry_row(e, library) for e in opened.journal.tried(since=since)]
    from micromance_tui.together_cli import partner_reactions

    partner, theirs = partner_reactions(paths)  # Together: how it really landed
    for row in rows:
        if row["id"] in theirs:
            row["partner_reaction"] = theirs[row["id"]]
    if args.json:
        print(json.dumps(rows, ensure_ascii=json_ascii(), indent=2))
    elif args.csv:
        sys.stdout.write(rows_to_csv(rows))
    elif not rows:
        print("Nothing logged yet." if since is None else f"Nothing logged since {since}.")
    else:
        for row in rows:
            landed = f"  [{row['reaction_label']}]" if row["reaction_label"] else ""
            if "partner_reaction" in row:
                landed += f"  [{partner}: {REACTIONS[row['partner_reaction']]}]"
            note = f"  {_one_line(row['note'])}" if row["note"] else ""
            place = f"  @ {_one_line(row['where'])}" if row["where"] else ""
            when = f"{row['date']} {row['time'] or '     '}"
            print(f"{when}  {row['title']}{landed}{place}{note}")
    return opened.finish(EXIT_OK)


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(printable(text).split())  # never a raw escape sequence to the terminal
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --------------------------------------------------------------------------- export / import


def cmd_export(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.core.journal.transfer import export_text, write_text_atomic

    opened = open_journal(paths, clock)
    if str(args.file) == "-":
        sys.stdout.write(export_text(opened.journal, ascii_only=json_ascii()))
        return opened.finish(EXIT_OK)
    text = export_text(opened.journal)
    target: Path = args.file.expanduser()
    if target.is_dir():
        raise CliError(
            f"{target} is a folder; give a file name such as {target / 'micromance.json'}"
        )
    if target.exists() and not args.force:
        raise CliError(f"{target} already exists; use --force to overwrite it")
    if not target.parent.is_dir():
        raise CliError(f"cannot write {target}: the folder {target.parent} does not exist")
    try:
        write_text_atomic(target, text)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from None
    n = len(opened.journal.tried())
    print(f"Exported {plural(n, 'tried idea')} and everything else to {target}")
    return opened.finish(EXIT_OK)


def read_import_file(path: Path) -> object:
    """The parsed JSON of an export file (see ``transfer.read_import_file``)."""
    from micromance_tui.core.journal import transfer

    try:
        return transfer.read_import_file(path)
    except transfer.ImportFileError as exc:
        raise CliError(str(exc)) from None


def cmd_import(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    data = read_import_file(args.file.expanduser())
    opened = open_journal(paths, clock)
    try:
        report = opened.journal.import_data(data)
    except JournalImportError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    except JournalError as exc:
        raise CliError(str(exc)) from None
    print(f"Imported from {args.file}: {report}")
    return opened.finish(EXIT_OK)


# --------------------------------------------------------------------------- together


def cmd_together(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.together_cli import cmd_together as run

    return run(args, paths, clock)


def cmd_appreciate(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.together_cli import cmd_appreciate as run

    return run(args, paths, clock)


def cmd_react(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.together_cli import cmd_react as run

    return run(args, paths, clock)


def cmd_inbox(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.together_cli import cmd_inbox as run

    return run(args, paths, clock)


def cmd_question(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from micromance_tui.together_cli import cmd_question as run

    return run(args, paths, clock)
