"""Together (i): the pairing's status, what you share (switches), everything from your
partner (react 1-5 to what they did for you), and an appreciation to send.

The screen reads and changes the app's Together session; the slow part (writing our file,
reading the partner's) runs in the app's worker. What the partner wrote is never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from micromance_tui.core.journal import REACTIONS
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.textcheck import printable
from micromance_tui.tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from micromance_tui.core.together.session import Together

NOT_PAIRED = (
    "Share with your partner's machine through a folder you both sync (Syncthing, Dropbox, "
    "iCloud Drive, Nextcloud) or a private git remote. Everything in it is encrypted, and "
    "each of you writes only your own file.\n\n"
    "On one machine, start a pairing (s): choose the folder, and you get a pairing code, "
    "shown once. On the other, once the folder has synced there, join with that code (c).\n\n"
    "The same in a shell:\n"
    "    micromance together init ~/Sync/us --name Alex\n"
    "    micromance together join ~/Sync/us CODE --name Sam\n\n"
    "This screen then shows what you share, what comes from {them}, and lets you send an "
    "appreciation."
)


class TogetherScreen(BaseScreen):
    MODE = "together"
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("ctrl+r", "sync", "Sync now"),
        Binding("s", "pair('start')", "Start a pairing"),
        Binding("c", "pair('join')", "Join with a code"),
        *[
            Binding(str(n), f"react({n})", REACTIONS[n], show=n in (1, 5), id=f"react.{n}")
            for n in REACTIONS
        ],
    ]
    DEFAULT_CSS = """
    TogetherScreen #together-body {
        padding: 0 1;
    }
    TogetherScreen .together-heading {
        margin-top: 1;
        text-style: bold;
        color: $text-primary;
    }
    TogetherScreen #together-inbox {
        height: auto;
        max-height: 12;
    }
    TogetherScreen #pairing-buttons {
        height: auto;
        margin-top: 1;
    }
    TogetherScreen #pairing-buttons Button {
        margin-right: 2;
    }
    """

    def compose_body(self) -> ComposeResult:
        from micromance_tui.core.together.session import SHARE_LABELS

        with VerticalScroll(id="together-body"):
            yield Static(id="together-status")
            with Horizontal(id="pairing-buttons"):
                yield Button("Start a pairing (s)", id="pair-start", compact=True)
                yield Button("Join with a code (c)", id="pair-join", compact=True)
            yield Label("Today's question", classes="together-heading")
            yield Static(id="question")
            yield Input(
                placeholder=self.words.fill(
                    "Your answer ({theirs} shows once you have both answered)"
                ),
                max_length=2000,
                id="answer",
            )
            yield Label(
                self.words.fill("From {who}"), id="inbox-heading", classes="together-heading"
            )
            yield OptionList(id="together-inbox")
            yield Label("Send an appreciation", classes="together-heading")
            yield Input(placeholder="I noticed...", max_length=500, id="appreciation")
            yield Static(id="sent", classes="muted")
            yield Label("What you share", classes="together-heading")
            for key, label in SHARE_LABELS.items():
                # compact: one line, focused or not (the focus shows on the label)
                yield Checkbox(label[:1].upper() + label[1:], id=f"share-{key}", compact=True)

    def on_mount(self) -> None:
        self.title = "Together"
        self.mm.together_changed.subscribe(self, lambda _what: self.show_session())
        self.show_session()
        if self.session is not None:
            # The keys work on the inbox; the screen stays at its top, where the status
            # and any problem (the title bar's "1 problem (i)") are.
            self.query_one("#together-inbox", OptionList).focus(scroll_visible=False)

    @property
    def words(self) -> PartnerWords:
        """The partner's pronoun (chosen in the welcome or on Partner) for this screen's
        own sentences; the name shown is the one the pairing knows."""
        return PartnerWords.read(self.mm.journal)

    @property
    def session(self) -> Together | None:
        return self.mm.together

    def show_session(self) -> None:
        session = self.session
        status_widget = self.query_one("#together-status", Static)
        paired = session is not None
        self.refresh_bindings()  # sync and react need a pairing; pairing needs none yet
        for widget in self.query("Checkbox, OptionList, Input, .together-heading, #sent"):
            widget.display = paired
        self.query_one("#pairing-buttons").display = not paired and self.mm.paths is not None
        if session is None:
            status_widget.update(Text(self.words.fill(NOT_PAIRED)))
            return
        from micromance_tui.core.together.session import describe_event

        status = self.mm.together_status or session.status()
        how = "a git remote" if status.git else "a synced folder"
        lines = Text()
        lines.append(f"Through {how}: {status.folder_shown}\n")
        lines.append(f"You: {status.me or '(no name)'}    ")
        lines.append(status.partner_line(self.mm.now), style="bold")
        for problem in status.problems:
            lines.append(f"\n! {problem}", style="italic")
        status_widget.update(lines)
        for key, on_ in status.share.items():
            box = self.query_one(f"#share-{key}", Checkbox)
            if box.value != on_:
                with box.prevent(Checkbox.Changed):
                    box.value = on_
        self._show_question(session)
        self._show_sent(session)
        # Their name is their own text, never markup.
        self.query_one("#inbox-heading", Label).update(Text(f"From {session.partner_name}"))
        inbox = self.query_one("#together-inbox", OptionList)
        highlighted = inbox.highlighted
        unseen = {e["id"] for e in session.unseen()}
        mine = session.my_reactions()
        events = list(reversed(session.partner_events()))
        options = []
        for event in events:
            line = Text("new  " if event["id"] in unseen else "     ", style="bold")
            line.append(describe_event(event, session, self.mm.library))
            if event["id"] in mine:
                line.append(f"  (you: {REACTIONS[mine[event['id']]]})", style="italic")
            options.append(Option(line, id=event["id"]))
        inbox.clear_options()
        inbox.add_options(options)
        if options:
            inbox.highlighted = min(highlighted or 0, len(options) - 1)
        else:
            nothing = self.words.fill("Nothing from {them} yet.")
            inbox.add_option(Option(Text(nothing), disabled=True))
        if unseen:
            self._mark_seen(list(unseen))

    def _show_sent(self, session: Together) -> None:
        """The appreciations you sent lately: kept on your side too."""
        sent = [e for e in session.own_events() if e["kind"] == "appreciation"][::-1][:3]
        shown = self.query_one("#sent", Static)
        shown.display = bool(sent)
        shown.update(
            Text(
                "\n".join(
                    f"You, {e['at'][:10]}: {' '.join(printable(e['text']).split())}" for e in sent
                )
            )
        )

    def _show_question(self, session: Together) -> None:
        from micromance_tui.core.together.question import shared_prompts

        prompts = shared_prompts(self.mm.library.prompts)
        today = self.mm.today
        prompt = session.question(today, prompts)
        box = self.query_one("#question", Static)
        if prompt is None:
            box.update(Text("No conversation prompts are loaded, so there is no question."))
            self.query_one("#answer", Input).display = False
            return
        rows = session.questions(prompts)
        todays = next((r for r in rows if r.day == today.isoformat()), None)
        name = session.partner_name
        text = Text(prompt.text, style="bold")
        if prompt.follow_up:
            text.append(f"\nthen: {prompt.follow_up}", style="italic")
        if todays is not None and todays.mine is not None:
            text.append(f"\nYou: {todays.mine}")
        if todays is not None and todays.theirs is not None:
            text.append(f"\n{name}: {todays.theirs}")
        elif todays is not None and todays.they_answered:
            see = self.words.fill("answer to see {theirs}.")
            text.append(f"\n{name} has answered: {see}", style="italic")
        elif todays is not None and todays.mine is not None:
            text.append(f"\n{name} has not answered yet.", style="italic")
        earlier = [r for r in rows if r.day != today.isoformat() and r.mine and r.theirs]
        for row in earlier[:3]:
            text.append(f"\n{row.day}: {row.question}  you: {row.mine}  {name}: {row.theirs}")
        box.update(text)

    @on(Input.Submitted, "#answer")
    def _answer(self, event: Input.Submitted) -> None:
        from micromance_tui.core.together.events import EventError
        from micromance_tui.core.together.question import shared_prompts
        from micromance_tui.core.together.session import TogetherError

        session, text = self.session, event.value.strip()
        if session is None or not text:
            return
        prompt = session.question(self.mm.today, shared_prompts(self.mm.library.prompts))
        if prompt is None:
            return
        try:
            session.answer(self.mm.today, prompt.id, text)
        except (TogetherError, EventError) as exc:
            self.notify(f"Not saved: {exc}", title="Together", severity="error")
            return
        event.input.value = ""
        self.show_session()
        self.mm.refresh_together()

    def _mark_seen(self, ids: list[str]) -> None:
        from micromance_tui.core.together.session import TogetherError

        if self.session is None:
            return
        try:
            self.session.mark_seen(ids)
        except TogetherError as exc:
            self.notify(str(exc), title="Together", severity="warning")

    @on(Checkbox.Changed)
    def _share_changed(self, event: Checkbox.Changed) -> None:
        from micromance_tui.core.together.session import TogetherError

        if self.session is None or event.checkbox.id is None:
            return
        key = event.checkbox.id.removeprefix("share-")
        try:
            self.session.set_share({key: event.value})
        except TogetherError as exc:
            self.notify(str(exc), title="Together", severity="error")
            return
        self.mm.refresh_together()

    @on(Input.Submitted, "#appreciation")
    def _send(self, event: Input.Submitted) -> None:
        from micromance_tui.core.together.events import EventError, new_event_id
        from micromance_tui.core.together.session import TogetherError

        text = event.value.strip()
        if self.session is None or not text:
            return
        try:
            self.session.add_mine("appreciation", f"appreciation:{new_event_id()}", {"text": text})
        except (TogetherError, EventError) as exc:
            self.notify(f"Not sent: {exc}", title="Together", severity="error")
            return
        event.input.value = ""
        from micromance_tui.tui.together_view import until_sync

        waits = until_sync(self.mm)
        sent = "Ready for" if waits else "Sent to"
        self.notify(
            f"{sent} {self.session.partner_name}{waits}", title="Appreciation", markup=False
        )
        self.mm.refresh_together()

    def action_react(self, reaction: int) -> None:
        from micromance_tui.tui.together_view import react

        session = self.session
        inbox = self.query_one("#together-inbox", OptionList)
        if session is None or inbox.highlighted is None:
            return
        option = inbox.get_option_at_index(inbox.highlighted)
        target = next((e for e in session.partner_events() if e["id"] == option.id), None)
        if target is not None and react(self.mm, target, reaction):
            self.show_session()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Syncing and reacting need a pairing, and pairing is for before there is one.
        if action in ("sync", "react"):
            return self.session is not None
        if action == "pair":
            return self.session is None and self.mm.paths is not None
        return True

    @on(Button.Pressed, "#pair-start")
    @on(Button.Pressed, "#pair-join")
    def _pair_pressed(self, event: Button.Pressed) -> None:
        self.action_pair("start" if event.button.id == "pair-start" else "join")

    def action_pair(self, step: str) -> None:
        """Start a pairing or join one, in a dialog (the same checks as the shell)."""
        from micromance_tui.core.journal import JournalError
        from micromance_tui.tui.dialogs.pairing import PairingDialog

        paths = self.mm.paths
        if paths is None or self.session is not None:
            return
        try:
            name = self.mm.journal.settings().my_name
        except JournalError:
            name = ""
        self.app.push_screen(PairingDialog("join" if step == "join" else "start", paths, name))

    def action_sync(self) -> None:
        """Read and write now; with a git remote, pull and push."""
        if self.session is not None:
            self.notify("Syncing…", title="Together")
            self.mm.refresh_together(pull=True)

    def action_close(self) -> None:
        self.dismiss()
