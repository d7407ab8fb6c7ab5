"""Pairing, the local state, and the shared folder. Core only: never imports Textual.

The shared folder holds ``micromance-pairing`` (the couple id and the key's salt, plus a
sealed check value so a wrong code is caught at ``join``) and one file per member,
``<member id>.mmt``, written only by that member's app. A file is ``MMTG`` + a format version
byte + AES-GCM (nonce, ciphertext, tag) over the member's JSON: couple, member, device, a
counter that grows with each write, the author's clock, their name and their events. The
associated data binds the format version, the couple id and the member id.

The local state (``together.json`` in the data folder, 0600) keeps the key, the settings
(what is shared), the events this member wrote, local copies of what the partner shared, the
highest counter read from each of their devices (so a replayed old file is caught) and the
problems of the last read. The journal is only read, never written, from here.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from micromance_tui.core.journal import REACTIONS
from micromance_tui.core.plural import plural
from micromance_tui.core.record import record
from micromance_tui.core.storage import os_reason, write_bytes_atomic
from micromance_tui.core.textcheck import bad_characters, printable
from micromance_tui.core.together.events import EventError, check_event, live_events, new_event_id

if TYPE_CHECKING:
    import subprocess

    from micromance_tui.core.journal import ImportantDate, Journal, QuizResult
    from micromance_tui.core.models import Library
    from micromance_tui.core.together.question import Asked, PromptLike

__all__ = [
    "FORMAT_VERSION",
    "SHARE_LABELS",
    "Status",
    "Together",
    "TogetherError",
    "TogetherUsageError",
    "describe_event",
    "is_git_url",
    "name_problem",
]

FORMAT_VERSION = 1
MAGIC = b"MMTG"
PAIRING_NAME = "micromance-pairing"
SUFFIX = ".mmt"
LOCAL_FORMAT = "micromance-together-local"
RECEIVED_NAME = "together-received.json"  # beside the state file: the partner's events
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_EVENTS = 50_000
MAX_NAME = 40
RECENT_DAYS = 7
CHECK_PLAINTEXT = b"micromance-together-pairing-check"

SHARE_LABELS: dict[str, str] = {
    "quiz": "quiz results",
    "tried": "what you tried for them (the idea and the day)",
    "notes": "your notes on what you tried for them",
    "reactions": "your reactions to what they did for you",
    "appreciations": "appreciations",
    "answers": "your answers to the daily question",
    "things": "your own little things (what you like)",
    "dates": "the dates you add",
}
DEFAULT_SHARE = {key: key != "notes" for key in SHARE_LABELS}
KIND_SHARE = {
    "quiz": "quiz",
    "tried": "tried",
    "react": "reactions",
    "appreciation": "appreciations",
    "answer": "answers",
    "thing": "things",
    "date": "dates",
}

KIND_WORDS = {
    "tried": "an idea tried for you",
    "quiz": "a quiz result",
    "react": "a reaction",
    "appreciation": "an appreciation",
    "answer": "an answer to the daily question",
    "thing": "a little thing",
    "date": "a date",
}

_MEMBER_FILE = re.compile(r"([0-9a-f]{32})(.*)\.mmt")
_HEX = re.compile(r"[0-9a-f]{16,64}")


class TogetherError(Exception):
    """A Together problem; ``str()`` is one line for the user."""


class TogetherUsageError(TogetherError):
    """The user asked for something that cannot be (a wrong code, an unknown id)."""


def name_problem(name: str) -> str:
    """Why NAME cannot be the name a partner sees, or "" (one rule for the shell and the
    app)."""
    if len(name) > MAX_NAME or bad_characters(name):
        return f"use up to {MAX_NAME} plain characters"
    return ""


def _refuse_unusable(folder: str, name: str) -> None:
    if not folder.strip():
        raise TogetherUsageError("give the folder you both sync, or a git URL")
    problem = name_problem(name)
    if problem:
        raise TogetherUsageError(f"the name {name!r}: {problem}")


def is_git_url(folder: str) -> bool:
    """Whether FOLDER names a git remote rather than a synced folder."""
    if re.match(r"^(https?|ssh|git|file)://", folder):
        return True
    if re.match(r"^[\w.-]+@[\w.-]+:", folder):
        return True
    return folder.rstrip("/").endswith(".git")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(couple: str, member: str) -> bytes:
    return f"micromance-together|{FORMAT_VERSION}|{couple}|{member}".encode()


def _digest(payload: Mapping[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _ago(moment: datetime, now: datetime) -> str:
    seconds = (now - moment).total_seconds()
    if seconds < 90:
        return "just now"
    if seconds < 3600:
        return f"{plural(int(seconds // 60), 'minute')} ago"
    if seconds < 2 * 86400:
        return f"{plural(int(seconds // 3600), 'hour')} ago"
    return f"{plural(int(seconds // 86400), 'day')} ago"


@record(slots=False)
class PartnerInfo:
    name: str
    last_update: str | None  # the author's clock at their last write
    events: int  # live events


@record(slots=False)
class Status:
    folder: str
    git: bool
    me: str
    share: dict[str, bool]
    partner: PartnerInfo | None
    problems: list[str] = field(default_factory=list)

    @property
    def folder_shown(self) -> str:
        """The folder as a person writes it: "~/Sync/us" under the home folder."""
        home = Path.home()
        if self.git or home == Path(home.anchor):  # a home of "/" would claim everything
            return self.folder
        try:
            rest = Path(self.folder).relative_to(home)
        except ValueError:
            return self.folder
        return "~" if rest == Path() else f"~{os.sep}{rest}"

    def partner_line(self, now: datetime) -> str:
        """ "Sam: 3 days ago", for a title bar."""
        if self.partner is None:
            return "partner: not joined yet"
        if not self.partner.last_update:
            return f"{self.partner.name}: nothing yet"
        try:
            when = datetime.fromisoformat(self.partner.last_update)
        except ValueError:
            return f"{self.partner.name}: nothing yet"
        return f"{self.partner.name}: {_ago(when, now)}"

    def to_json(self) -> dict[str, Any]:
        partner = None
        if self.partner is not None:
            partner = {
                "name": self.partner.name,
                "last_update": self.partner.last_update,
                "events": self.partner.events,
            }
        return {
            "folder": self.folder,
            "transport": "git" if self.git else "folder",
            "me": self.me,
            "share": dict(self.share),
            "partner": partner,
            "problems": list(self.problems),
        }


# --------------------------------------------------------------------------- file format


@dataclass
class _Read:
    """One member file, opened and checked."""

    path: Path
    member: str
    conflict: bool
    device: str = ""
    counter: int = 0
    written: str = ""
    name: str = ""
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    stamp: tuple[int, int] = (0, 0)  # size and mtime when read: the copy that was merged


def _seal_file(key: bytes, couple: str, member: str, body: Mapping[str, Any]) -> bytes:
    from micromance_tui.core.together import crypto

    plaintext = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return MAGIC + bytes([FORMAT_VERSION]) + crypto.seal(key, plaintext, _aad(couple, member))


def _open_file(path: Path, member: str, conflict: bool, key: bytes, couple: str) -> _Read:
    """Read and check one member file; TogetherError (one line) when it cannot be trusted."""
    from micromance_tui.core.together import crypto

    label = path.name
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as exc:
        raise TogetherError(f"{label}: cannot be read ({os_reason(exc)})") from None
    try:
        info = os.fstat(fd)
        if not _is_regular(info.st_mode):
            raise TogetherError(f"{label}: not a regular file; ignored")
        if info.st_size > MAX_FILE_BYTES:
            raise TogetherError(
                f"{label}: {info.st_size // (1024 * 1024)} MB, more than the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB a Together file may be; ignored"
            )
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) < len(MAGIC) + 1 or raw[: len(MAGIC)] != MAGIC:
        if not raw:
            raise TogetherError(f"{label}: empty (still arriving?); ignored for now")
        raise TogetherError(f"{label}: not a micromance Together file; ignored")
    version = raw[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise TogetherError(
            f"{label}: written by a newer micromance (format {version}; this one reads "
            f"{FORMAT_VERSION}); update micromance to read it"
        )
    if version < 1:
        raise TogetherError(f"{label}: not a micromance Together file; ignored")
    try:
        plaintext = crypto.open_sealed(key, raw[len(MAGIC) + 1 :], _aad(couple, member))
    except crypto.AuthError:
        raise TogetherError(
            f"{label}: failed authentication (cut short, altered, or made for another "
            "couple); ignored"
        ) from None
    try:
        body = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise TogetherError(f"{label}: authenticated but not readable JSON; ignored") from None
    stamp = (info.st_size, info.st_mtime_ns)
    return _check_body(body, _Read(path, member, conflict, stamp=stamp), couple)


def _is_moment(value: object) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _check_body(body: object, read: _Read, couple: str) -> _Read:
    label = read.path.name
    if not isinstance(body, dict):
        raise TogetherError(f"{label}: the contents are not an object; ignored")
    if body.get("couple") != couple or body.get("member") != read.member:
        raise TogetherError(f"{label}: made for another couple or member; ignored")
    device, counter, written, name = (body.get(k) for k in ("device", "counter", "written", "name"))
    if not isinstance(device, str) or not _HEX.fullmatch(device):
        raise TogetherError(f"{label}: field 'device' is not a device id; ignored")
    if isinstance(counter, bool) or not isinstance(counter, int) or counter < 0:
        raise TogetherError(f"{label}: field 'counter' is not a whole number; ignored")
    if not isinstance(written, str) or not _is_moment(written):
        raise TogetherError(f"{label}: field 'written' is not a date and time; ignored")
    if not isinstance(name, str) or len(name) > MAX_NAME or bad_characters(name):
        raise TogetherError(f"{label}: field 'name' is not a short plain name; ignored")
    events = body.get("events")
    if not isinstance(events, list):
        raise TogetherError(f"{label}: field 'events' is not a list; ignored")
    if len(events) > MAX_EVENTS:
        raise TogetherError(
            f"{label}: {len(events)} events, more than the {MAX_EVENTS} a file may hold; ignored"
        )
    read.device, read.counter, read.written, read.name = device, counter, written, name
    for item in events:
        try:
            event = check_event(item)
        except EventError as exc:
            read.skipped[str(exc)] = read.skipped.get(str(exc), 0) + 1
            continue
        read.events[event["id"]] = event
    return read


# --------------------------------------------------------------------------- git


def _git(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    import subprocess  # only with a git remote: `today` in a shell never needs it

    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except FileNotFoundError:
        raise TogetherError("git is not installed; install git or use a synced folder") from None
    except subprocess.TimeoutExpired:
        raise TogetherError(f"git {args[0]} took more than two minutes; stopped") from None


def _git_ok(args: list[str], cwd: Path | None = None) -> str:
    done = _git(args, cwd)
    if done.returncode != 0:
        lines = [line.strip() for line in (done.stderr or done.stdout).splitlines()]
        lines = [line for line in lines if line]
        # git says what went wrong first ("fatal: ..."), then advice over several lines
        said = [line for line in lines if line.startswith(("fatal:", "error:"))]
        why = (said or lines[-1:] or [f"exit code {done.returncode}"])[0]
        raise TogetherError(f"git {args[0]} failed: {why}")
    return done.stdout


_GIT_ID = ["-c", "user.name=micromance", "-c", "user.email=micromance@localhost"]
BRANCH = "main"


def _git_clone(url: str, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    _git_ok(["clone", "--quiet", url, str(target)])
    if _git(["rev-parse", "--verify", "--quiet", f"origin/{BRANCH}"], target).returncode == 0:
        # the remote's HEAD may name another branch (a bare repository's default 'master')
        _git_ok(["checkout", "--quiet", "-B", BRANCH, f"origin/{BRANCH}"], target)
    elif _git(["rev-parse", "--verify", "--quiet", "HEAD"], target).returncode != 0:
        _git_ok(["checkout", "--quiet", "-B", BRANCH], target)


def _git_sync(clone: Path, *, push: bool) -> None:
    """Commit this member's files, bring in the partner's and (``push``) send ours. Each
    member writes only their own files, so rebasing never conflicts."""
    _git_ok(["add", "-A", "."], clone)
    if _git(["diff", "--cached", "--quiet"], clone).returncode != 0:
        _git_ok([*_GIT_ID, "commit", "--quiet", "-m", "micromance together"], clone)
    for _attempt in range(3):
        if _git_ok(["ls-remote", "--heads", "origin", BRANCH], clone).strip():
            _git_ok(["fetch", "--quiet", "origin", BRANCH], clone)
            if _git(["rev-parse", "--verify", "--quiet", "HEAD"], clone).returncode == 0:
                _git_ok([*_GIT_ID, "rebase", "--quiet", "FETCH_HEAD"], clone)
            else:  # nothing committed here yet: start from the remote's history
                _git_ok(["reset", "--quiet", "--hard", "FETCH_HEAD"], clone)
        if not push or _git(["rev-parse", "--verify", "--quiet", "HEAD"], clone).returncode != 0:
            return
        if _git(["push", "--quiet", "origin", f"HEAD:refs/heads/{BRANCH}"], clone).returncode == 0:
            return
    raise TogetherError("git push was refused three times (the partner kept pushing?); try again")


# --------------------------------------------------------------------------- the session


def _now_iso(now: datetime) -> str:
    return now.replace(microsecond=0).isoformat()


class Together:
    """One paired data folder. Open with :meth:`load`; pair with :meth:`init`/:meth:`join`."""

    def __init__(self, state_file: Path, git_dir: Path, state: dict[str, Any]) -> None:
        self.state_file = state_file
        self.git_dir = git_dir
        self.state = state
        self._dirty = False
        self._live: tuple[tuple[int, int], list[dict[str, Any]]] | None = None
        #: the partner's events and what was seen, in their own (big) file, read when needed
        self.received_file = state_file.with_name(RECEIVED_NAME)
        self._big: dict[str, Any] | None = None
        self._big_dirty = False
        #: set by ``join`` when this machine joined as another machine of that member
        self.same_person_as: str | None = None

    # -- local state ----------------------------------------------------------------------

    @staticmethod
    @contextlib.contextmanager
    def _locked(state_file: Path) -> Iterator[None]:
        state_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # filelock, like the journal's lock: it works on Windows too, where fcntl does not.
        # Imported here, as the journal does: only a write takes the lock, and `today`,
        # which writes nothing in the common case, spent 34 ms of its start importing it
        # (python -X importtime).
        import filelock

        lock = filelock.FileLock(state_file.with_name(state_file.name + ".lock"), mode=0o600)
        with lock:
            yield

    @staticmethod
    def _read_state(state_file: Path) -> dict[str, Any] | None:
        try:
            raw = state_file.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise TogetherError(f"cannot read {state_file}: {os_reason(exc)}") from None
        try:
            state = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise TogetherError(
                f"{state_file}: not readable JSON; run 'micromance together leave' and pair again"
            ) from None
        if not isinstance(state, dict) or state.get("format") != LOCAL_FORMAT:
            raise TogetherError(f"{state_file}: not Together's settings file")
        if state.get("version") != FORMAT_VERSION:
            raise TogetherError(
                f"{state_file}: written by another version of micromance (format "
                f"{state.get('version')!r}); update micromance"
            )
        return state

    def _save(self) -> None:
        targets = [(self.state_file, self.state)]
        if self._big_dirty and self._big is not None:
            targets.insert(0, (self.received_file, self._big))
        for target, data in targets:
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
            try:
                write_bytes_atomic(target, payload, mode=0o600)
            except OSError as exc:
                raise TogetherError(f"cannot write {target}: {os_reason(exc)}") from None
        self._big_dirty = False

    @property
    def _received_doc(self) -> dict[str, Any]:
        """The partner's events (by id) and the ids already seen, read on first use."""
        if self._big is None:
            big: object = None
            try:
                big = json.loads(self.received_file.read_bytes().decode("utf-8"))
            except FileNotFoundError:
                big = {}
            except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                big = {}  # our own copy, damaged: the partner's file is read again below
                self.state["stamps"] = {}
            if not isinstance(big, dict):
                big = {}
            if not isinstance(big.get("received"), dict):
                big["received"] = {}
            if not isinstance(big.get("seen"), list):
                big["seen"] = []
            self._big = big
        return self._big

    @property
    def received(self) -> dict[str, dict[str, Any]]:
        received: dict[str, dict[str, Any]] = self._received_doc["received"]
        return received

    @classmethod
    def load(cls, state_file: Path, git_dir: Path) -> Together | None:
        """The paired session, or None when this data folder is not paired."""
        state = cls._read_state(state_file)
        return None if state is None else cls(state_file, git_dir, state)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Re-read the state under the lock, change it, save it."""
        with self._locked(self.state_file):
            fresh = self._read_state(self.state_file)
            if fresh is None:
                raise TogetherError("this data folder is no longer paired (left meanwhile?)")
            self.state = fresh
            self._dirty = False
            self._big, self._big_dirty = None, False
            yield
            if self._dirty:
                self._save()

    # -- properties -------------------------------------------------------------------------

    @property
    def key(self) -> bytes:
        return _unb64(self.state["key"])

    @property
    def folder(self) -> Path:
        """Where the member files are: the synced folder, or the git clone."""
        return self.git_dir if self.state["git"] else Path(self.state["folder"])

    @property
    def share(self) -> dict[str, bool]:
        return {k: bool(self.state["share"].get(k, v)) for k, v in DEFAULT_SHARE.items()}

    @property
    def my_name(self) -> str:
        return str(self.state.get("name", ""))

    @property
    def partner_name(self) -> str:
        name = str(self.state["partner"].get("name") or "")
        return name or "your partner"

    @property
    def own_file(self) -> Path:
        return self.folder / f"{self.state['member']}{SUFFIX}"

    # -- pairing --------------------------------------------------------------------------

    @classmethod
    def _refuse_if_paired(cls, state_file: Path) -> None:
        state = cls._read_state(state_file)
        if state is not None:
            raise TogetherError(
                f"already paired through {state['folder']}; run 'micromance together leave' first"
            )

    @classmethod
    def init(
        cls, folder: str, name: str, state_file: Path, git_dir: Path, now: datetime
    ) -> tuple[Together, str]:
        """Pair a new couple through FOLDER; returns the session and the code (shown once)."""
        from micromance_tui.core.together import crypto

        _refuse_unusable(folder, name)
        with cls._locked(state_file):
            cls._refuse_if_paired(state_file)
            git = is_git_url(folder)
            where = cls._prepare_folder(folder, git, git_dir, creating=True)
            if (where / PAIRING_NAME).exists():
                raise TogetherError(
                    f"{folder} is already paired; on this machine run 'micromance together "
                    f"join {folder} CODE' with the code shown when it was paired"
                )
            code = crypto.new_code()
            couple = secrets.token_hex(16)
            salt = os.urandom(16)
            key = crypto.derive_key(crypto.parse_code(code), salt + bytes.fromhex(couple))
            pairing = {
                "format": "micromance-together",
                "version": FORMAT_VERSION,
                "couple": couple,
                "salt": _b64(salt),
                "check": _b64(crypto.seal(key, CHECK_PLAINTEXT, _aad(couple, "pairing"))),
            }
            try:
                write_bytes_atomic(
                    where / PAIRING_NAME, (json.dumps(pairing) + "\n").encode(), mode=0o644
                )
            except OSError as exc:
                raise TogetherError(f"cannot write in {where}: {os_reason(exc)}") from None
            stored = folder if git else str(where.resolve())  # later runs start elsewhere
            session = cls(state_file, git_dir, cls._fresh_state(stored, git, couple, key, name))
            session._save()
        return session, code

    @staticmethod
    def _fresh_state(folder: str, git: bool, couple: str, key: bytes, name: str) -> dict[str, Any]:
        return {
            "format": LOCAL_FORMAT,
            "version": FORMAT_VERSION,
            "folder": folder,
            "git": git,
            "couple": couple,
            "member": secrets.token_hex(16),
            "device": secrets.token_hex(8),
            "key": _b64(key),
            "name": name,
            "share": dict(DEFAULT_SHARE),
            "counter": 0,
            "own": {},
            "sources": {},
            "mine": {},
            "recent": [],
            "partner": {"member": None, "name": "", "written": None, "events": 0},
            "counters": {},
            "stamps": {},
            "problems": [],
        }

    @staticmethod
    def _prepare_folder(folder: str, git: bool, git_dir: Path, *, creating: bool) -> Path:
        if git:
            _git_clone(folder, git_dir)
            return git_dir
        where = Path(folder).expanduser()
        if creating:
            try:
                where.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise TogetherError(f"cannot create the folder {where}: {os_reason(exc)}") from None
        if not where.is_dir():
            raise TogetherError(f"{where} is not a folder (is it synced to this machine yet?)")
        return where

    @classmethod
    def join(
        cls, folder: str, code: str, name: str, state_file: Path, git_dir: Path, now: datetime
    ) -> Together:
        """Join the couple paired through FOLDER with the code shown at init.

        Joining with the name of a member already in the folder makes this machine a second
        device of that member (same person, two machines).
        """
        from micromance_tui.core.together import crypto

        _refuse_unusable(folder, name)
        with cls._locked(state_file):
            cls._refuse_if_paired(state_file)
            git = is_git_url(folder)
            try:
                code_bits = crypto.parse_code(code)
            except crypto.CodeError as exc:
                raise TogetherUsageError(str(exc)) from None
            where = cls._prepare_folder(folder, git, git_dir, creating=False)
            couple, salt, check = cls._read_pairing(where, folder)
            key = crypto.derive_key(code_bits, salt + bytes.fromhex(couple))
            try:
                crypto.open_sealed(key, check, _aad(couple, "pairing"))
            except crypto.AuthError:
                raise TogetherUsageError(
                    "that pairing code does not match this folder's pairing; check it for typos"
                ) from None
            stored = folder if git else str(where.resolve())  # later runs start elsewhere
            state = cls._fresh_state(stored, git, couple, key, name)
            session = cls(state_file, git_dir, state)
            if name:
                for read in session._read_members(problems=[]):
                    if read.name.casefold() == name.casefold() and not read.conflict:
                        state["member"] = read.member
                        session.same_person_as = read.name
                        break
            session._save()
        return session

    @staticmethod
    def _read_pairing(where: Path, folder: str) -> tuple[str, bytes, bytes]:
        path = where / PAIRING_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise TogetherError(
                f"{folder} has no pairing yet: run 'micromance together init {folder}' on the "
                "other machine first (or wait for the folder to sync)"
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise TogetherError(f"{path}: not a readable pairing file") from None
        if not isinstance(data, dict) or data.get("format") != "micromance-together":
            raise TogetherError(f"{path}: not a micromance pairing file")
        if isinstance(data.get("version"), int) and data["version"] > FORMAT_VERSION:
            raise TogetherError(f"{path}: paired by a newer micromance; update micromance")
        couple = data.get("couple")
        try:
            if not isinstance(couple, str) or not re.fullmatch(r"[0-9a-f]{32}", couple):
                raise ValueError
            return couple, _unb64(data.get("salt")), _unb64(data.get("check"))
        except ValueError:
            raise TogetherError(f"{path}: a damaged pairing file") from None

    def leave(self) -> None:
        """Forget the key, the settings and the local copies (the shared folder is left)."""
        self.forget(self.state_file, self.git_dir)

    @classmethod
    def forget(cls, state_file: Path, git_dir: Path) -> None:
        """``leave`` without opening the state: works when it is damaged, which is when
        the way out is to leave and pair again."""
        with cls._locked(state_file):
            state_file.unlink(missing_ok=True)
            state_file.with_name(RECEIVED_NAME).unlink(missing_ok=True)
            if git_dir.exists():
                shutil.rmtree(git_dir, ignore_errors=True)

    # -- what this member shares ------------------------------------------------------------

    def set_share(self, changes: Mapping[str, bool]) -> None:
        with self.transaction():
            for key, on in changes.items():
                self.state["share"][key] = on
            self._dirty = True

    def _desired(self, journal: Journal | None, library: Library | None) -> dict[str, Any]:
        """Everything this member shares now: source key -> (kind, payload)."""
        share = self.share
        out: dict[str, Any] = {}
        if journal is not None:
            if share["quiz"]:
                for result in journal.quiz_results("me")[:1]:
                    out[f"quiz:{result.id}"] = (
                        "quiz",
                        {
                            "mode": result.mode,
                            "scores": dict(result.scores),
                            "receive": dict(result.receive),
                            "give": dict(result.give),
                            "taken": result.taken,
                        },
                    )
            if share["tried"]:
                for entry in journal.tried():
                    if entry.for_whom != "partner":
                        continue
                    gesture = library.gesture_by_id.get(entry.gesture_id) if library else None
                    payload = {
                        "gesture": entry.gesture_id,
                        "title": gesture.title if gesture else entry.gesture_id,
                        "date": entry.date.isoformat(),
                    }
                    if share["notes"] and entry.note:
                        payload["note"] = entry.note
                    out[f"tried:{entry.id}"] = ("tried", payload)
            if share["dates"]:
                for item in journal.partner().dates:
                    out[f"date:{item.id}"] = (
                        "date",
                        {
                            "date_kind": item.kind,
                            "label": item.label,
                            "date": item.date.isoformat(),
                            "yearly": item.yearly,
                        },
                    )
        for key, (kind, payload) in self.state["mine"].items():
            if share[KIND_SHARE[kind]]:
                out[key] = (kind, payload)
        return out

    def _derive(
        self,
        journal: Journal | None,
        library: Library | None,
        now: datetime,
        *,
        dry_run: bool = False,
    ) -> bool:
        """Turn changes in what is shared into new events; True when there were any.
        ``dry_run``: only say whether there would be any."""
        desired = self._desired(journal, library)
        sources: dict[str, list[str]] = self.state["sources"]
        if dry_run:
            kept = set() if journal is not None else set(sources) - set(self.state["mine"])
            return any(
                k not in sources or sources[k][1] != _digest({"kind": kind, **payload})
                for k, (kind, payload) in desired.items()
            ) or any(k not in desired and k not in kept for k in sources)
        own: dict[str, Any] = self.state["own"]
        at = _now_iso(now)
        changed = False
        for key, (kind, payload) in desired.items():
            digest = _digest({"kind": kind, **payload})
            known = sources.get(key)
            if known is not None and known[1] == digest:
                continue
            event = {"id": new_event_id(), "kind": kind, "at": at, **payload}
            if known is not None:
                event["replaces"] = known[0]
            try:
                own[event["id"]] = check_event(event)
            except EventError:  # e.g. a note with control characters from an old journal
                continue
            sources[key] = [event["id"], digest]
            changed = True
        # Without the journal (a read-only exchange), what came from it stays as it was.
        keep = set() if journal is not None else {k for k in sources if k not in self.state["mine"]}
        for key in [k for k in sources if k not in desired and k not in keep]:
            event = {"id": new_event_id(), "kind": "retract", "at": at, "target": sources[key][0]}
            own[event["id"]] = event
            del sources[key]
            changed = True
        return changed

    def _write_own(self, now: datetime) -> None:
        self.state["counter"] = int(self.state["counter"]) + 1
        body = {
            "couple": self.state["couple"],
            "member": self.state["member"],
            "device": self.state["device"],
            "counter": self.state["counter"],
            "written": _now_iso(now),
            "name": self.my_name,
            "events": list(self.state["own"].values()),
        }
        blob = _seal_file(self.key, self.state["couple"], self.state["member"], body)
        if not self.folder.is_dir():
            raise TogetherError(
                f"the shared folder {self.folder} is missing; your changes are kept and will "
                "be written when it is back"
            )
        try:
            write_bytes_atomic(self.own_file, blob, mode=0o644)
        except OSError as exc:
            raise TogetherError(f"cannot write {self.own_file}: {os_reason(exc)}") from None
        st = self.own_file.stat()
        self.state["stamps"][self.own_file.name] = [st.st_size, st.st_mtime_ns]
        self._dirty = True

    # -- reading the folder -----------------------------------------------------------------

    def _member_files(self, problems: list[str]) -> list[tuple[Path, str, bool]]:
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            problems.append(f"the shared folder {self.folder} is missing (not synced here yet?)")
            return []
        except OSError as exc:
            problems.append(f"cannot read the shared folder {self.folder}: {os_reason(exc)}")
            return []
        found = []
        for name in sorted(names):
            match = _MEMBER_FILE.fullmatch(name)
            if match is None:
                continue
            # Anything between the member id and ".mmt" makes a copy that a sync engine
            # kept aside: Syncthing's ".sync-conflict-…", Dropbox's and Nextcloud's
            # " (… conflicted copy …)", iCloud's " 2", OneDrive's "-MACHINE". Each is
            # authenticated like the file itself and merged by event id, so an engine this
            # list does not know loses nothing either.
            conflict = bool(match.group(2))
            found.append((self.folder / name, match.group(1), conflict))
        return found

    def _read_members(self, problems: list[str]) -> list[_Read]:
        reads = []
        for path, member, conflict in self._member_files(problems):
            try:
                reads.append(_open_file(path, member, conflict, self.key, self.state["couple"]))
            except TogetherError as exc:
                problems.append(str(exc))
        return reads

    def _changed_files(self) -> list[str] | None:
        """The member files that appeared, changed or went away since the last read (one
        listdir and a few stats); None when the folder cannot be listed."""
        stamps: dict[str, list[int]] = self.state["stamps"]
        try:
            names = [n for n in os.listdir(self.folder) if _MEMBER_FILE.fullmatch(n)]
        except OSError:
            return None
        changed = sorted(set(stamps) - set(names))
        for name in names:
            try:
                st = os.stat(self.folder / name)
            except OSError:
                changed.append(name)
                continue
            if stamps.get(name) != [st.st_size, st.st_mtime_ns]:
                changed.append(name)
        return changed

    def _unchanged(self) -> bool:
        """Whether there is nothing to read: no member file changed since the last read,
        and the summary ``today`` reads was made then (a state written by an older version
        lacks the partner's dates: one read makes them)."""
        return "partner_dates" in self.state and self._changed_files() == []

    def partner_news(self) -> bool:
        """Whether something from the partner arrived in the folder since their file was last
        read: ``today`` says so and leaves the read (and the crypto) to the app, ``inbox`` or
        ``together sync``."""
        me, partner = self.state["member"], self.state["partner"]["member"]
        for name in self._changed_files() or []:
            match = _MEMBER_FILE.fullmatch(name)
            if match is None or not (self.folder / name).exists():
                continue  # gone: nothing to read
            # the partner's file or its copies; before the first read, any other member's
            if match.group(1) == partner or (partner is None and match.group(1) != me):
                return True
        return False

    def _merge_reads(self, reads: list[_Read], problems: list[str], merged: list[_Read]) -> bool:
        """Merge what was read into the state; True when this member's file needs rewriting.
        ``merged`` gets the copies of this member's file whose every event is now ours."""
        me = self.state["member"]
        counters: dict[str, int] = self.state["counters"]
        partner = self.state["partner"]
        others = sorted({r.member for r in reads if r.member != me})
        if partner["member"] is None and others:
            latest = max((r for r in reads if r.member != me), key=lambda r: r.written)
            partner["member"] = latest.member
        for extra in others:
            if extra != partner["member"]:
                names = {r.name for r in reads if r.member == extra and r.name}
                who = f" ({_flat(min(names), 40)})" if names else ""
                theirs = _flat(partner["name"], 40) if partner["name"] else "your partner"
                problems.append(
                    f"{extra}{SUFFIX}: a third member{who} in a folder for two; ignored. If "
                    f"that is {theirs} on a new machine, join again there as {theirs} and "
                    "delete this file"
                )
        rewrite = False
        # Each member's own file before its copies, so the copies are named with what the
        # file says (the partner's name) whatever order the folder lists them in.
        for read in sorted(reads, key=lambda r: r.conflict):
            if read.member not in (me, partner["member"]):
                continue
            who = "your" if read.member == me else f"{partner['name'] or 'the partner'}'s"
            slot = f"{read.member}/{read.device}"
            if not read.conflict:
                seen = counters.get(slot, -1)
                if read.counter < seen:
                    problems.append(
                        f"{read.path.name}: an older copy of {who} file than one already read "
                        f"(write {read.counter}, already read {seen}): a replay or a restored "
                        "backup; ignored"
                    )
                    continue
                counters[slot] = read.counter
            else:
                problems.append(f"{read.path.name}: a sync conflict copy of {who} file; merged")
            if read.skipped:
                total = sum(read.skipped.values())
                why = "; ".join(f"{n} {reason}" for reason, n in sorted(read.skipped.items()))
                problems.append(f"{read.path.name}: {plural(total, 'event')} skipped ({why})")
            if read.member == me:
                ours = read.device == self.state["device"]
                # Our own last write, as we left it. A later one means this data folder is
                # older than the file (restored from a backup, or copied to a second
                # machine): take back what it sent since, and count on from there.
                if ours and not read.conflict and read.counter <= int(self.state["counter"]):
                    continue
                new = {k: v for k, v in read.events.items() if k not in self.state["own"]}
                if new or read.conflict:
                    self.state["own"].update(new)
                    rewrite = True
                if read.conflict and not read.skipped:
                    merged.append(read)
                if ours:
                    self.state["counter"] = max(int(self.state["counter"]), read.counter)
            else:
                self.received.update(read.events)
                self._big_dirty = True
                if not read.conflict and read.written >= (partner.get("written") or ""):
                    partner["written"] = read.written
                    if read.name:
                        partner["name"] = read.name
        return rewrite

    def _summarise(self, now: datetime) -> None:
        """Keep in the small state file what ``today`` needs: the partner's count of events
        and what they did or sent in the last month (so ``today`` never reads the big one)."""
        events = self.partner_events()
        since = (now.date() - timedelta(days=30)).isoformat()
        self.state["partner"]["events"] = len(events)
        self.state["landed"] = self._reactions_to_me()
        self.state["renamed"] = self._renamed()
        quizzes = [e for e in events if e["kind"] == "quiz"]
        self.state["partner_quiz"] = max(quizzes, key=lambda e: e["taken"]) if quizzes else None
        self.state["partner_dates"] = [e for e in events if e["kind"] == "date"]
        self.state["recent"] = [
            e
            for e in events
            if (e["kind"] == "tried" and e["date"] >= since)
            or (e["kind"] == "appreciation" and e["at"][:10] >= since)
        ]

    def _tidy_own_conflicts(self, merged: list[_Read]) -> None:
        """Remove the copies of this member's file whose events are now in the main one:
        only copies that were read whole (authenticated, nothing skipped) and have not
        changed since. A copy still arriving, or one that failed to open, stays."""
        for read in merged:
            with contextlib.suppress(OSError):
                st = read.path.stat()
                if (st.st_size, st.st_mtime_ns) == read.stamp:
                    read.path.unlink()

    def _stamp_all(self) -> None:
        stamps = {}
        for path, _member, _conflict in self._member_files([]):
            with contextlib.suppress(OSError):
                st = path.stat()
                stamps[path.name] = [st.st_size, st.st_mtime_ns]
        self.state["stamps"] = stamps

    # -- the exchange ---------------------------------------------------------------------------

    def exchange(
        self,
        journal: Journal | None,
        library: Library | None,
        now: datetime,
        *,
        pull: bool = False,
        read: bool = True,
    ) -> Status:
        """Write this member's file if what is shared changed, read the partner's if it
        changed (unless ``read`` is False), and (``pull``: with a git remote) pull and push.
        Returns the status.

        When nothing changed on our side and there is nothing to read (the common case, and
        always for ``today``, which passes ``read=False``), this takes no lock, writes nothing
        and needs no crypto."""
        read = read or pull
        if (
            not pull
            and self.own_file.exists()
            and not self._derive(journal, library, now, dry_run=True)
            and (not read or self._unchanged())
        ):
            return self.status()
        with self.transaction():
            problems: list[str] = []
            if pull and self.state["git"]:
                try:
                    if not self.git_dir.is_dir():
                        _git_clone(self.state["folder"], self.git_dir)
                    _git_sync(self.git_dir, push=False)
                except TogetherError as exc:
                    problems.append(str(exc))
            changed = self._derive(journal, library, now)
            if changed:
                self._dirty = True
            # Writing ours means reading first whatever changed (``read`` or not): another
            # device of ours may have written our file, and its events must not be lost.
            if (read or changed) and (pull or not self._unchanged()):
                self._dirty = True
                reads = self._read_members(problems)
                merged: list[_Read] = []
                if self._merge_reads(reads, problems, merged):
                    changed = True
                self._summarise(now)
                self.state["problems"] = problems
                write_problem = self._publish(changed, now)
                if write_problem is None:  # their events are in our file now
                    self._tidy_own_conflicts(merged)
                self._stamp_all()
            else:
                write_problem = self._publish(changed, now)
            if write_problem:
                self._dirty = True
                self.state["problems"] = [*self.state["problems"], write_problem]
            if pull and self.state["git"]:
                try:
                    _git_sync(self.git_dir, push=True)
                except TogetherError as exc:
                    self.state["problems"] = [*self.state["problems"], str(exc)]
        return self.status()

    def _publish(self, changed: bool, now: datetime) -> str | None:
        if not changed and self.own_file.exists():
            return None
        try:
            self._write_own(now)
        except TogetherError as exc:
            return str(exc)
        return None

    # -- what the partner shared ------------------------------------------------------------

    def partner_events(self) -> list[dict[str, Any]]:
        """The partner's events that stand (read-only), oldest first; cached until more
        arrive."""
        received = self.received
        key = (id(received), len(received))
        if self._live is None or self._live[0] != key:
            self._live = (key, live_events(received.values()))
        return self._live[1]

    def own_events(self) -> list[dict[str, Any]]:
        return live_events(self.state["own"].values())

    def status(self) -> Status:
        partner = self.state["partner"]
        info = None
        if partner.get("member"):
            info = PartnerInfo(self.partner_name, partner.get("written"), partner.get("events", 0))
        return Status(
            folder=str(self.state["folder"]),
            git=bool(self.state["git"]),
            me=self.my_name,
            share=self.share,
            partner=info,
            problems=list(self.state.get("problems", [])),
        )

    def find_partner_event(self, prefix: str, kinds: tuple[str, ...]) -> dict[str, Any]:
        wanted = prefix.strip().lower()
        if len(wanted) < 4:
            raise TogetherUsageError(
                f"'{prefix}' is too short: give at least 4 characters of an id"
            )
        matching = [e for e in self.partner_events() if e["id"].startswith(wanted)]
        found = [e for e in matching if e["kind"] in kinds]
        if not found and len(matching) == 1:
            what = KIND_WORDS.get(matching[0]["kind"], "something else")
            raise TogetherUsageError(
                f"'{prefix}' is {what} from {self.partner_name}; reactions are for what "
                f"{self.partner_name} did for you (see 'micromance inbox')"
            )
        if not found:
            raise TogetherUsageError(
                f"nothing from {self.partner_name} has an id starting '{prefix}'; "
                "see 'micromance inbox'"
            )
        if len(found) > 1:
            raise TogetherUsageError(f"'{prefix}' matches {len(found)} things; give more of the id")
        return found[0]

    def add_mine(self, kind: str, key: str, payload: dict[str, Any]) -> None:
        share_key = KIND_SHARE[kind]
        if not self.share[share_key]:
            raise TogetherUsageError(
                f"sharing {SHARE_LABELS[share_key]} is off; turn it on with "
                f"'micromance together share {share_key}=on'"
            )
        check_event({"id": "0" * 16, "kind": kind, "at": "2000-01-01T00:00:00", **payload})
        with self.transaction():
            self.state["mine"][key] = [kind, payload]
            self._dirty = True

    # -- the daily question ---------------------------------------------------------------

    def question(self, day: date, prompts: Sequence[PromptLike]) -> PromptLike | None:
        """The question both of you get on ``day``."""
        from micromance_tui.core.together.question import pick

        return pick(str(self.state["couple"]), day, prompts)

    def answer(self, day: date, prompt_id: str, text: str) -> None:
        """Answer the question of ``day`` (a second answer replaces the first)."""
        payload = {"day": day.isoformat(), "prompt": prompt_id, "text": text.strip()}
        self.add_mine("answer", f"answer:{day.isoformat()}", payload)

    def questions(self, prompts: Sequence[PromptLike]) -> list[Asked]:
        """Past and present questions with both answers, theirs only once both answered."""
        from micromance_tui.core.together.question import history

        return history(self.own_events(), self.partner_events(), prompts)

    def my_reactions(self) -> dict[str, int]:
        """Partner event id -> this member's reaction to it (also under the id of the newest
        version, when the partner has edited it since; the latest reaction wins)."""
        renamed = self.state.get("renamed") or {}
        out: dict[str, int] = {}
        for e in self.own_events():  # oldest first
            if e["kind"] == "react":
                out[e["to"]] = out[renamed.get(e["to"], e["to"])] = e["reaction"]
        return out

    def _renamed(self) -> dict[str, str]:
        """Partner event this member reacted to -> its newest version, where the partner has
        edited it since (an edit is a new event that ``replaces`` the old one). Kept in the
        small state file, so reading it needs no partner file."""
        newer = {e["replaces"]: e["id"] for e in self.received.values() if "replaces" in e}
        out: dict[str, str] = {}
        for e in self.own_events():
            if e["kind"] != "react":
                continue
            target, seen = e["to"], {e["to"]}
            while target in newer and newer[target] not in seen:
                target = newer[target]
                seen.add(target)
            if target != e["to"]:
                out[e["to"]] = target
        return out

    def partner_quiz(self) -> QuizResult | None:
        """The partner's own latest quiz result, taken on their machine (as of the last read
        of their file; kept in the small state file)."""
        from micromance_tui.core.journal import QuizResult

        e = self.state.get("partner_quiz")
        if not isinstance(e, dict):
            return None
        return QuizResult(
            id=e["id"],
            who="partner",
            mode=e["mode"],
            scores=dict(e["scores"]),
            receive=dict(e["receive"]),
            give=dict(e["give"]),
            answers={},
            taken=e["taken"],
        )

    def their_dates(self) -> list[ImportantDate]:
        """The dates the partner added on their machine, as of the last read of their file
        (kept in the small state file, so ``today`` can remind of them)."""
        from micromance_tui.core.journal import ImportantDate

        kept = self.state.get("partner_dates")
        events = kept if isinstance(kept, list) else []  # made by the next read
        out = []
        for e in events:
            try:
                out.append(
                    ImportantDate(
                        id=e["id"],
                        kind=e["date_kind"],
                        label=e["label"],
                        date=date.fromisoformat(e["date"]),
                        yearly=bool(e["yearly"]),
                    )
                )
            except (KeyError, TypeError, ValueError):
                continue  # a hand-edited state: what cannot be a date is left out
        return out

    def reactions_to_me(self) -> dict[str, int]:
        """Journal entry id -> the partner's reaction to it (the real answer to "did it land?"),
        as of the last read of their file (kept in the small state file)."""
        landed = self.state.get("landed")
        if not isinstance(landed, dict):
            return self._reactions_to_me()
        # together.json is a local file a person can edit: only what a reaction can be
        return {
            k: v
            for k, v in landed.items()
            if isinstance(k, str) and type(v) is int and v in REACTIONS
        }

    def _reactions_to_me(self) -> dict[str, int]:
        by_event = {
            e["to"]: (e["at"], e["reaction"]) for e in self.partner_events() if e["kind"] == "react"
        }
        out: dict[str, int] = {}
        for key, (event_id, _digest) in self.state["sources"].items():
            if key.startswith("tried:"):
                # An edit made a new event; a reaction may name any version of the entry,
                # and the partner's latest reaction (by their clock) is their answer.
                found = [by_event[eid] for eid in self._versions(event_id) if eid in by_event]
                if found:
                    out[key.removeprefix("tried:")] = max(found)[1]
        return out

    def _versions(self, event_id: str) -> list[str]:
        own = self.state["own"]
        chain = [event_id]
        current = own.get(event_id)
        while current is not None and "replaces" in current:
            chain.append(current["replaces"])
            current = own.get(current["replaces"])
        return chain

    def unseen(self) -> list[dict[str, Any]]:
        seen = set(self._received_doc["seen"])
        return [e for e in self.partner_events() if e["id"] not in seen]

    def mark_seen(self, ids: list[str]) -> None:
        with self.transaction():
            doc = self._received_doc
            doc["seen"] = sorted(set(doc["seen"]) | set(ids))
            self._dirty = self._big_dirty = True

    def from_partner(self, today: date) -> list[dict[str, Any]]:
        """What the partner did for you and sent lately (last week; a day ahead allowed for a
        partner whose clock runs ahead), newest first, with your reaction if you gave one."""
        low = today - timedelta(days=RECENT_DAYS)
        high = today + timedelta(days=2)
        mine = self.my_reactions()
        out = []
        for e in self.state.get("recent", []):
            if e["kind"] == "tried":
                day = date.fromisoformat(e["date"])
            elif e["kind"] == "appreciation":
                day = datetime.fromisoformat(e["at"]).date()
            else:
                continue
            if low <= day <= high:
                out.append({**e, "day": day.isoformat(), "my_reaction": mine.get(e["id"])})
        out.sort(key=lambda e: (e["day"], e["at"]), reverse=True)
        return out


def _flat(text: str, limit: int = 100) -> str:
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe_event(event: Mapping[str, Any], session: Together, library: Library) -> str:
    """One line for something the partner shared (plain text; escapes made visible)."""
    name = session.partner_name
    kind = event["kind"]
    if kind == "tried":
        note = f" ({_flat(event['note'], 60)})" if event.get("note") else ""
        return f"{name} did this for you on {event['date']}: {_flat(event['title'])}{note}"
    if kind == "react":
        target = session.state["own"].get(event["to"])
        if target is not None and target["kind"] == "tried":
            what = f"{_flat(target['title'])} ({target['date']})"
        else:
            what = "something you did"
        return f"{name}: {REACTIONS[event['reaction']]} - {what}"
    if kind == "appreciation":
        return f"{name} noticed: {_flat(event['text'], 200)}"
    if kind == "answer":
        return f"{name} answered the question of {event['day']}"
    if kind == "thing":
        return f"{name}'s little thing: {_flat(event['label'])}: {_flat(event['text'])}"
    if kind == "date":
        return f"{name} added a date: {_flat(event['label'])}, {event['date']}"
    if kind == "quiz":
        scores = event["receive"] or event["scores"]
        top = max(scores, key=lambda k: scores[k]) if scores else ""
        return f"{name} took the quiz: feels most loved through {library.language_name(top)}"
    return f"{name} shared something"
