"""Load and validate the content YAML into a :class:`Library`, with a start-up cache.

Every check in the content contract (`docs/content.md`) is made here, and every problem
becomes a :class:`ContentError` naming `file:line:column`, what was found and what was
expected. Validation collects all errors rather than stopping at the first.

Kinds of file: `languages.yaml`, `faq.yaml`, `guides.yaml`, `quiz.yaml`; any file in a
folder named `prompts` is conversation prompts (`content/prompts/<deck>.yaml`, and the
user's `<config dir>/prompts/*.yaml`); any other file is gestures.
"""

from __future__ import annotations

import difflib
import errno
import json
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from micromance_tui import __version__
from micromance_tui.core.models import (
    COSTS,
    DIRECTIONS,
    EFFORTS,
    LANGUAGE_IDS,
    MOMENTS,
    PROMPT_DECKS,
    SITUATIONS,
    ClassicItem,
    FaqEntry,
    Gesture,
    Guide,
    Library,
    LoveLanguage,
    Prompt,
    Quiz,
    QuizSide,
    RatingItem,
)
from micromance_tui.core.paths import Paths
from micromance_tui.core.plural import noun, plural
from micromance_tui.core.textcheck import bad_characters
from micromance_tui.core.yamlnodes import ContentError, ContentErrors, Node, YamlProblem, parse_file

__all__ = [
    "ContentError",
    "ContentErrors",
    "LoadResult",
    "check_files",
    "kind_of",
    "load_library",
]

CACHE_FORMAT = 3
MAX_CACHE_BYTES = 64 * 1024 * 1024
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STR_TAG = "tag:yaml.org,2002:str"
KINDS = ("languages", "gestures", "faq", "guides", "quiz", "prompts")
#: the longest a prompt's text or follow-up may be
MAX_PROMPT = 200
_SURPRISE_HINT = {
    "bool": "YAML reads unquoted yes/no/on/off/true/false as true or false",
    "int": "YAML reads it as a number",
    "float": "YAML reads it as a number",
    "timestamp": "YAML reads it as a date",
    "null": "YAML reads it as empty",
}


def kind_of(path: Path) -> str:
    """The kind of a content file, by its name (docs/content.md): a file in a folder named
    `prompts` holds prompts; anything else not named for its kind is gestures."""
    if path.parent.name == "prompts":
        return "prompts"
    return {
        "languages.yaml": "languages",
        "faq.yaml": "faq",
        "guides.yaml": "guides",
        "quiz.yaml": "quiz",
    }.get(path.name, "gestures")


# --------------------------------------------------------------------------- checking


@dataclass
class _Checker:
    """Collects errors for one file while reading its nodes into plain values."""

    file: str
    errors: list[ContentError] = field(default_factory=list)

    def error(self, node: Node | None, message: str) -> None:
        line, column = (node.line, node.column) if node else (1, 1)
        self.errors.append(ContentError(self.file, line, column, message))

    def mapping(
        self,
        node: Node,
        what: str,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> dict[str, Node] | None:
        if node.kind != "map":
            self.error(
                node, f"{what} should be a mapping of keys to values; found {node.type_word}"
            )
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        result: dict[str, Node] = {}
        for key_node, value in node.value:
            if key_node.kind != "scalar":
                self.error(key_node, f"{what} has a key that is not text")
                continue
            key = str(key_node.value)
            if key in result:
                first = result[key]
                self.error(
                    key_node,
                    f"duplicate key '{key}' in {what} (first at line {first.line}); "
                    "each key may appear once",
                )
                continue
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.error(
                    key_node,
                    f"unknown key '{key}' in {what}; expected one of: "
                    f"{', '.join(sorted(allowed))}{hint}",
                )
                continue
            result[key] = value
        for key in required:
            if key not in result:
                self.error(node, f"{what} is missing the required key '{key}'")
        return result

    def text(
        self,
        node: Node | None,
        what: str,
        *,
        max_len: int | None = None,
        one_line: bool = False,
        required: bool = True,
    ) -> str | None:
        if node is None:
            return None
        if node.kind != "scalar" or (node.tag != STR_TAG):
            if node.kind == "scalar":
                short = node.tag.rsplit(":", 1)[-1]
                hint = _SURPRISE_HINT.get(short, "")
                self.error(
                    node,
                    f"{what}: found {node.type_word} {node.value!r} where text is expected"
                    + (f" ({hint}); put it in quotes" if hint else ""),
                )
            else:
                self.error(node, f"{what}: found {node.type_word} where text is expected")
            return None
        value = str(node.value)
        stripped = value.strip()
        if required and not stripped:
            self.error(node, f"{what} is empty; expected some text")
            return None
        problem = bad_characters(stripped)
        if problem:
            self.error(node, f"{what} has {problem}; remove them")
            return None
        if one_line and "\n" in stripped:
            self.error(node, f"{what} should be one line; found {stripped.count(chr(10)) + 1}")
            return None
        if max_len is not None and len(stripped) > max_len:
            self.error(
                node, f"{what} is {len(stripped)} characters long; at most {max_len} allowed"
            )
            return None
        return stripped

    def choice(self, node: Node | None, what: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.error(
                node, f"{what}: unknown value '{value}'{hint}; expected one of {', '.join(allowed)}"
            )
            return None
        return value

    def ident(self, node: Node | None, what: str) -> str | None:
        value = self.text(node, what, one_line=True)
        if value is None or node is None:
            return None
        if not ID_RE.match(value):
            self.error(
                node,
                f"{what} '{value}' is not kebab-case; use lowercase letters, digits and hyphens "
                "(like 'morning-message')",
            )
            return None
        return value

    def text_list(
        self,
        node: Node | None,
        what: str,
        *,
        allowed: tuple[str, ...] | None = None,
        min_items: int = 0,
        max_items: int | None = None,
        max_len: int | None = None,
    ) -> tuple[str, ...] | None:
        if node is None:
            return ()
        if node.kind != "seq":
            self.error(node, f"{what} should be a list; found {node.type_word}")
            return None
        items = node.value
        if len(items) < min_items or (max_items is not None and len(items) > max_items):
            span = (
                f"{min_items} to {max_items}"
                if max_items is not None and max_items != min_items
                else f"at least {min_items}"
            )
            self.error(node, f"{what} has {plural(len(items), 'item')}; expected {span}")
            return None
        out: list[str] = []
        ok = True
        for item in items:
            value = (
                self.choice(item, f"{what} item", allowed)
                if allowed
                else self.text(item, f"{what} item", max_len=max_len)
            )
            if value is None:
                ok = False
                continue
            if value in out:
                self.error(item, f"{what} lists '{value}' twice")
                ok = False
                continue
            out.append(value)
        return tuple(out) if ok else None


def _top_list(checker: _Checker, root: Node | None, what: str) -> list[Node]:
    if root is None:
        checker.error(None, f"the file is empty; expected a list of {what}")
        return []
    if root.kind != "seq":
        checker.error(root, f"the top level should be a list of {what}; found {root.type_word}")
        return []
    return list(root.value)


_ParsedItem = tuple[Any, Node]  # (object, node of its id)


def _read_languages(checker: _Checker, root: Node | None) -> list[_ParsedItem]:
    out: list[_ParsedItem] = []
    items = _top_list(checker, root, "love languages")
    for node in items:
        m = checker.mapping(node, "a love language", ("id", "name", "short", "about"))
        if m is None:
            continue
        lid = checker.choice(m.get("id"), "id", LANGUAGE_IDS)
        name = checker.text(m.get("name"), "name", max_len=40, one_line=True)
        short = checker.text(m.get("short"), "short", max_len=120, one_line=True)
        about = checker.text(m.get("about"), "about")
        if lid and name and short and about:
            out.append((LoveLanguage(lid, name, short, about), m["id"]))
    if root is not None and root.kind == "seq":
        found = {obj.id for obj, _ in out}
        missing = [lid for lid in LANGUAGE_IDS if lid not in found]
        if missing and not checker.errors:
            checker.error(
                root,
                f"missing love {noun(len(missing), 'language')}: "
                f"{', '.join(missing)}; all five are needed",
            )
    return out


def _read_gestures(checker: _Checker, root: Node | None, source: str) -> list[_ParsedItem]:
    out: list[_ParsedItem] = []
    required = ("id", "title", "summary", "how", "why", "languages", "effort", "cost")
    optional = ("moments", "situations", "tags", "variations")
    for node in _top_list(checker, root, "gestures"):
        before = len(checker.errors)
        m = checker.mapping(node, "a gesture", required, optional)
        if m is None:
            continue
        gid = checker.ident(m.get("id"), "id")
        title = checker.text(m.get("title"), "title", max_len=60, one_line=True)
        summary = checker.text(m.get("summary"), "summary", max_len=100, one_line=True)
        how = checker.text(m.get("how"), "how")
        why = checker.text(m.get("why"), "why", max_len=400)
        languages = checker.text_list(
            m.get("languages"), "languages", allowed=LANGUAGE_IDS, min_items=1, max_items=2
        )
        effort = checker.choice(m.get("effort"), "effort", EFFORTS)
        cost = checker.choice(m.get("cost"), "cost", COSTS)
        moments = checker.text_list(m.get("moments"), "moments", allowed=MOMENTS)
        situations = checker.text_list(m.get("situations"), "situations", allowed=SITUATIONS)
        tags = checker.text_list(m.get("tags"), "tags", max_len=30)
        variations = checker.text_list(m.get("variations"), "variations", max_len=300)
        if len(checker.errors) != before:
            continue
        assert gid and title and summary and how and why and languages and effort and cost
        assert moments is not None and tags is not None and variations is not None
        assert situations is not None
        gesture = Gesture(
            id=gid,
            title=title,
            summary=summary,
            how=how,
            why=why.strip(),
            languages=languages,
            effort=effort,
            cost=cost,
            moments=moments,
            tags=tuple(t.lower() for t in tags),
            variations=tuple(v.strip() for v in variations),
            source=source,
            situations=situations,
        )
        out.append((gesture, m["id"]))
    return out


def _read_prompts(
    checker: _Checker, root: Node | None, source: str, deck_of_file: str | None
) -> list[_ParsedItem]:
    """Prompts: one open question each. In a file named after a deck (`playful.yaml`),
    every prompt must be of that deck."""
    out: list[_ParsedItem] = []
    for node in _top_list(checker, root, "prompts"):
        before = len(checker.errors)
        m = checker.mapping(node, "a prompt", ("id", "deck", "text"), ("follow_up",))
        if m is None:
            continue
        pid = checker.ident(m.get("id"), "id")
        deck = checker.choice(m.get("deck"), "deck", PROMPT_DECKS)
        text = checker.text(m.get("text"), "text", max_len=MAX_PROMPT, one_line=True)
        follow_up = checker.text(m.get("follow_up"), "follow_up", max_len=MAX_PROMPT, one_line=True)
        if deck and deck_of_file and deck != deck_of_file:
            checker.error(
                m["deck"],
                f"deck '{deck}' in the file for the deck '{deck_of_file}'; move the prompt "
                f"to prompts/{deck}.yaml or change its deck",
            )
        if text and not text.endswith("?"):
            checker.error(
                m["text"],
                f"text should be one question, ending with '?'; it ends with {text[-30:]!r}",
            )
        if len(checker.errors) != before:
            continue
        assert pid and deck and text
        out.append((Prompt(pid, deck, text, follow_up or "", source), m["id"]))
    return out


def _read_faq(checker: _Checker, root: Node | None) -> list[_ParsedItem]:
    out: list[_ParsedItem] = []
    for node in _top_list(checker, root, "questions and answers"):
        before = len(checker.errors)
        m = checker.mapping(node, "an FAQ entry", ("id", "question", "answer"), ("related",))
        if m is None:
            continue
        fid = checker.ident(m.get("id"), "id")
        question = checker.text(m.get("question"), "question", max_len=160, one_line=True)
        answer = checker.text(m.get("answer"), "answer")
        related = checker.text_list(m.get("related"), "related")
        if len(checker.errors) == before and fid and question and answer and related is not None:
            out.append((FaqEntry(fid, question, answer, related), m["id"]))
    return out


def _read_guides(checker: _Checker, root: Node | None) -> list[_ParsedItem]:
    out: list[_ParsedItem] = []
    for node in _top_list(checker, root, "guides"):
        before = len(checker.errors)
        m = checker.mapping(node, "a guide", ("id", "title", "summary", "body"), ("related",))
        if m is None:
            continue
        gid = checker.ident(m.get("id"), "id")
        title = checker.text(m.get("title"), "title", max_len=80, one_line=True)
        summary = checker.text(m.get("summary"), "summary", max_len=100, one_line=True)
        body = checker.text(m.get("body"), "body")
        related = checker.text_list(m.get("related"), "related")
        ok = len(checker.errors) == before
        if ok and gid and title and summary and body and related is not None:
            out.append((Guide(gid, title, summary, body, related), m["id"]))
    return out


CLASSIC_PAIRS = 30
PAIRING_REPEATS = 3


def _read_quiz(checker: _Checker, root: Node | None) -> tuple[Quiz | None, list[_ParsedItem]]:
    if root is None:
        checker.error(None, "the file is empty; expected a mapping with 'classic' and 'rating'")
        return None, []
    top = checker.mapping(root, "the quiz", ("classic", "rating"))
    if top is None:
        return None, []
    ids: list[_ParsedItem] = []
    classic: list[ClassicItem] = []
    rating: list[RatingItem] = []
    before = len(checker.errors)

    def side(node: Node | None, what: str) -> QuizSide | None:
        if node is None:
            return None
        m = checker.mapping(node, what, ("text", "language"))
        if m is None:
            return None
        text = checker.text(m.get("text"), f"{what} text", max_len=160, one_line=True)
        lang = checker.choice(m.get("language"), f"{what} language", LANGUAGE_IDS)
        return QuizSide(text, lang) if text and lang else None

    classic_node = top.get("classic")
    if classic_node is not None and classic_node.kind != "seq":
        checker.error(classic_node, f"'classic' should be a list; found {classic_node.type_word}")
    elif classic_node is not None:
        for node in classic_node.value:
            m = checker.mapping(node, "a classic pair", ("id", "a", "b"))
            if m is None:
                continue
            qid = checker.ident(m.get("id"), "id")
            a = side(m.get("a"), "side a")
            b = side(m.get("b"), "side b")
            if qid and a and b:
                if a.language == b.language:
                    checker.error(
                        m["b"],
                        f"pair {qid}: both sides are '{a.language}'; the two sides of a pair "
                        "must be different languages",
                    )
                    continue
                classic.append(ClassicItem(qid, a, b))
                ids.append((classic[-1], m["id"]))
        if len(checker.errors) == before:
            if len(classic) != CLASSIC_PAIRS:
                checker.error(
                    classic_node,
                    f"'classic' has {len(classic)} pairs; expected exactly {CLASSIC_PAIRS}",
                )
            counts = Counter(frozenset((c.a.language, c.b.language)) for c in classic)
            for x, y in combinations(LANGUAGE_IDS, 2):
                n = counts.get(frozenset((x, y)), 0)
                if n != PAIRING_REPEATS:
                    checker.error(
                        classic_node,
                        f"'classic' pairs {x} with {y} {plural(n, 'time')}; each pairing of two "
                        f"languages must appear exactly {PAIRING_REPEATS} times",
                    )
    rating_node = top.get("rating")
    before = len(checker.errors)
    if rating_node is not None and rating_node.kind != "seq":
        checker.error(rating_node, f"'rating' should be a list; found {rating_node.type_word}")
    elif rating_node is not None:
        for node in rating_node.value:
            m = checker.mapping(node, "a rating statement", ("id", "text", "language", "direction"))
            if m is None:
                continue
            qid = checker.ident(m.get("id"), "id")
            text = checker.text(m.get("text"), "text", max_len=160, one_line=True)
            lang = checker.choice(m.get("language"), "language", LANGUAGE_IDS)
            direction = checker.choice(m.get("direction"), "direction", DIRECTIONS)
            if qid and text and lang and direction:
                rating.append(RatingItem(qid, text, lang, direction))
                ids.append((rating[-1], m["id"]))
        if len(checker.errors) == before:
            cells = Counter((r.language, r.direction) for r in rating)
            wanted = max(cells.values(), default=0)
            uneven = [
                f"{lang}/{d}: {cells.get((lang, d), 0)}"
                for lang in LANGUAGE_IDS
                for d in DIRECTIONS
                if cells.get((lang, d), 0) != wanted or wanted == 0
            ]
            if uneven:
                checker.error(
                    rating_node,
                    "'rating' must have the same number of statements (at least one) for every "
                    f"language and direction; uneven: {', '.join(uneven)}",
                )
    return Quiz(tuple(classic), tuple(rating)), ids


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return str(path.relative_to(base))
        except ValueError:
            pass
    return str(path)


@dataclass
class _FileResult:
    """What one content file yielded: its items or quiz, and its errors."""

    kind: str
    items: list[_ParsedItem]
    quiz: Quiz | None
    errors: list[ContentError]


def _read_file(path: Path, kind: str, shown: str, source: str) -> _FileResult:
    checker = _Checker(shown)
    try:
        root = parse_file(path)
    except YamlProblem as exc:
        return _FileResult(kind, [], None, [ContentError(shown, exc.line, exc.column, exc.message)])
    quiz: Quiz | None = None
    if kind == "languages":
        items = _read_languages(checker, root)
    elif kind == "faq":
        items = _read_faq(checker, root)
    elif kind == "guides":
        items = _read_guides(checker, root)
    elif kind == "quiz":
        quiz, items = _read_quiz(checker, root)
    elif kind == "prompts":
        deck = path.stem if path.stem in PROMPT_DECKS else None
        items = _read_prompts(checker, root, source, deck)
    else:
        items = _read_gestures(checker, root, source)
    return _FileResult(kind, items, quiz, checker.errors)


def _check_unique(
    results: list[tuple[str, _FileResult]], errors: list[ContentError], kinds: Iterable[str]
) -> None:
    """Duplicate ids within each kind, across all files, reported at the second one."""
    for kind in kinds:
        seen: dict[str, tuple[str, int]] = {}
        for shown, result in results:
            if result.kind != kind:
                continue
            keep: list[_ParsedItem] = []
            for obj, node in result.items:
                first = seen.get(obj.id)
                if first is not None:
                    errors.append(
                        ContentError(
                            shown,
                            node.line,
                            node.column,
                            f"duplicate id '{obj.id}' (first used at {first[0]}:{first[1]}); "
                            "ids must be unique",
                        )
                    )
                    continue
                seen[obj.id] = (shown, node.line)
                keep.append((obj, node))
            result.items = keep


def _check_related(
    results: list[tuple[str, _FileResult]], known: set[str], errors: list[ContentError]
) -> None:
    for shown, result in results:
        if result.kind not in ("faq", "guides"):
            continue
        for obj, node in result.items:
            for rid in obj.related:
                if rid not in known:
                    close = difflib.get_close_matches(rid, sorted(known), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    errors.append(
                        ContentError(
                            shown,
                            node.line,
                            node.column,
                            f"'{obj.id}' lists related id '{rid}', which is no gesture or "
                            f"guide{hint}",
                        )
                    )


def _shipped_files(content_dir: Path) -> list[tuple[Path, str]]:
    files = [(content_dir / f"{k}.yaml", k) for k in ("languages", "faq", "guides", "quiz")]
    for folder, kind in (("gestures", "gestures"), ("prompts", "prompts")):
        if (content_dir / folder).is_dir():
            files += [(p, kind) for p in sorted((content_dir / folder).glob("*.yaml"))]
    return files


def _user_files(paths: Paths) -> list[tuple[Path, str]]:
    """The user's own files, gestures then prompts, each folder in name order: every
    ``*.yaml`` entry but sub-folders, so a pipe, a device or a link that loops is reported
    by :func:`_not_a_file`, never skipped silently."""
    found: list[tuple[Path, str]] = []
    for folder, kind in (
        (paths.user_gestures_dir, "gestures"),
        (paths.user_prompts_dir, "prompts"),
    ):
        try:
            found += [(p, kind) for p in sorted(folder.glob("*.yaml")) if not p.is_dir()]
        except OSError:
            continue
    return found


def _unnamed_deck_errors(path: Path, shown: str) -> list[ContentError]:
    """A shipped prompts file is named after its deck, so the deck list stays one file each."""
    if path.stem in PROMPT_DECKS:
        return []
    return [
        ContentError(
            shown,
            1,
            1,
            f"a prompts file is named after its deck; '{path.name}' is not one of "
            f"{', '.join(d + '.yaml' for d in PROMPT_DECKS)}",
        )
    ]


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a content file (without opening it: a named pipe
    would wait for a writer), or None when it is a regular file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops; nothing was read"
        if exc.errno == errno.ENOENT:
            return "no such file" if not os.path.islink(path) else "a link to a missing file"
        return f"cannot read it: {os.strerror(exc.errno or 0).lower()}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, a device or a socket); nothing was read"
    return None


def _build(results: list[tuple[str, _FileResult]]) -> Library:
    def of(kind: str) -> list[Any]:
        return [obj for _, r in results if r.kind == kind for obj, _ in r.items]

    quiz = next((r.quiz for _, r in results if r.kind == "quiz" and r.quiz), Quiz())
    order = {lid: i for i, lid in enumerate(LANGUAGE_IDS)}
    languages = sorted(of("languages"), key=lambda lang: order[lang.id])
    return Library(
        languages=tuple(languages),
        gestures=tuple(of("gestures")),
        faq=tuple(of("faq")),
        guides=tuple(of("guides")),
        quiz=quiz,
        prompts=tuple(of("prompts")),
    )


def _validate_shipped(
    content_dir: Path,
) -> tuple[list[tuple[str, _FileResult]], list[ContentError]]:
    results: list[tuple[str, _FileResult]] = []
    errors: list[ContentError] = []
    for path, kind in _shipped_files(content_dir):
        shown = _display(path, content_dir)
        if not path.is_file():
            errors.append(ContentError(shown, 1, 1, f"the {kind} file is missing"))
            continue
        result = _read_file(path, kind, shown, "shipped")
        errors += result.errors
        if kind == "prompts":
            errors += _unnamed_deck_errors(path, shown)
        results.append((shown, result))
    _check_unique(results, errors, KINDS)
    return results, errors


def _add_user_files(results: list[tuple[str, _FileResult]], paths: Paths) -> list[ContentError]:
    """Validate each user file on its own against what is loaded; skip a file with errors."""
    reported: list[ContentError] = []
    for path, kind in _user_files(paths):
        shown = str(path)
        problem = _not_a_file(path)
        if problem is not None:
            reported.append(ContentError(shown, 1, 1, problem))
            continue
        result = _read_file(path, kind, shown, f"user:{path.name}")
        errs = list(result.errors)
        if not errs:
            probe = [*results, (shown, result)]
            _check_unique(probe, errs, (kind,))
        if errs:
            reported.append(errs[0] if len(errs) == 1 else _summarise(errs))
            continue
        results.append((shown, result))
    return reported


def _summarise(errors: list[ContentError]) -> ContentError:
    first = errors[0]
    more = len(errors) - 1
    return ContentError(
        first.file,
        first.line,
        first.column,
        f"{first.message} (and {more} more problem{'s' if more > 1 else ''}; "
        "run 'micromance check' for all)",
    )


# --------------------------------------------------------------------------- loading


@dataclass
class LoadResult:
    """The loaded library, the errors in the user's own files, and whether the cache served."""

    library: Library
    user_errors: list[ContentError]
    from_cache: bool


def _fingerprint(paths: Paths) -> list[Any]:
    entries: list[Any] = [__version__, CACHE_FORMAT, str(paths.content_dir)]
    for path, _ in _shipped_files(paths.content_dir) + _user_files(paths):
        try:
            st = path.stat()
            entries.append([str(path), st.st_size, st.st_mtime_ns])
        except OSError:
            entries.append([str(path), None, None])
    return entries


def _read_cache(paths: Paths, key: list[Any]) -> LoadResult | None:
    try:
        with paths.library_cache_file.open("rb") as fh:
            raw = fh.read(MAX_CACHE_BYTES + 1)
        if len(raw) > MAX_CACHE_BYTES:  # not one we wrote: never read a huge file whole
            return None
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        library = Library.from_json(data["library"])
        user_errors = [ContentError(*row) for row in data["user_errors"]]
    except Exception:
        return None
    return LoadResult(library, user_errors, from_cache=True)


def _write_cache(paths: Paths, key: list[Any], result: LoadResult) -> None:
    payload = {
        "key": key,
        "library": result.library.to_json(),
        "user_errors": [[e.file, e.line, e.column, e.message] for e in result.user_errors],
    }
    folder = paths.library_cache_file.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".library-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, paths.library_cache_file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # the cache only saves time; without it the next start parses again


def load_library(
    paths: Paths,
    *,
    use_cache: bool = True,
    on_parse: Callable[[], None] | None = None,
) -> LoadResult:
    """Load the shipped content and the user's own gestures and prompts.

    Raises :class:`ContentErrors` when the shipped content is invalid. A bad user file is
    reported in ``user_errors`` (one line each) and skipped.
    """
    key = _fingerprint(paths) if use_cache else []
    if use_cache:
        cached = _read_cache(paths, key)
        if cached is not None:
            return cached
    if on_parse is not None:
        on_parse()
    results, errors = _validate_shipped(paths.content_dir)
    known = {obj.id for _, r in results if r.kind in ("gestures", "guides") for obj, _ in r.items}
    _check_related(results, known, errors)
    if errors:
        raise ContentErrors(errors)
    user_errors = _add_user_files(results, paths)
    result = LoadResult(_build(results), user_errors, from_cache=False)
    if use_cache:
        _write_cache(paths, key, result)
    return result


def check_files(files: list[Path], paths: Paths) -> tuple[Library | None, list[ContentError]]:
    """Validate the files given, each by the kind its name says.

    Cross-references resolve against the files given and, for kinds not given, the shipped
    content. Returns the library of the given files (None on errors) and every error.
    """
    results: list[tuple[str, _FileResult]] = []
    errors: list[ContentError] = []
    for path in files:
        shown = str(path)
        problem = "a folder, not a file" if path.is_dir() else _not_a_file(path)
        if problem is not None:
            errors.append(ContentError(shown, 1, 1, problem))
            continue
        kind = kind_of(path)
        result = _read_file(path, kind, shown, f"file:{path.name}")
        errors += result.errors
        results.append((shown, result))
    _check_unique(results, errors, KINDS)
    given = {r.kind for _, r in results}
    known = {obj.id for _, r in results if r.kind in ("gestures", "guides") for obj, _ in r.items}
    if given & {"faq", "guides"}:
        shipped, _ = _validate_shipped(paths.content_dir)
        for _, r in shipped:
            if r.kind in ("gestures", "guides") and r.kind not in given:
                known |= {obj.id for obj, _ in r.items}
            if r.kind == "gestures" and "gestures" in given:
                known |= {obj.id for obj, _ in r.items}
    _check_related(results, known, errors)
    return (None if errors else _build(results)), errors


def check_all(paths: Paths) -> tuple[Library | None, list[ContentError], list[ContentError]]:
    """Validate shipped content and every user file: (library, shipped errors, user errors).

    Unlike loading, every error in every user file is listed.
    """
    results, errors = _validate_shipped(paths.content_dir)
    known = {obj.id for _, r in results if r.kind in ("gestures", "guides") for obj, _ in r.items}
    _check_related(results, known, errors)
    user_errors: list[ContentError] = []
    for path, kind in _user_files(paths):
        problem = _not_a_file(path)
        if problem is not None:
            user_errors.append(ContentError(str(path), 1, 1, problem))
            continue
        result = _read_file(path, kind, str(path), f"user:{path.name}")
        errs = list(result.errors)
        if not errs:
            _check_unique([*results, (str(path), result)], errs, (kind,))
        if errs:
            user_errors += errs
        else:
            results.append((str(path), result))
    library = None if errors else _build(results)
    return library, errors, user_errors


def moment_warnings(paths: Paths, files: list[Path] | None = None) -> list[ContentError]:
    """Gestures whose text and `moments` disagree (core/momentcheck.py), as warnings: in the
    files given, or in the shipped gestures and the user's own. Files that do not parse are
    left to the errors."""
    from micromance_tui.core.momentcheck import moment_warnings as warnings_for

    if files is None:
        targets = [
            (path, _display(path, paths.content_dir))
            for path, kind in _shipped_files(paths.content_dir)
            if kind == "gestures"
        ] + [(path, str(path)) for path, kind in _user_files(paths) if kind == "gestures"]
    else:
        targets = [(path, str(path)) for path in files if kind_of(path) == "gestures"]
    out: list[ContentError] = []
    for path, shown in targets:
        if not path.is_file():
            continue
        for gesture, node in _read_file(path, "gestures", shown, "check").items:
            assert isinstance(gesture, Gesture)
            for message in warnings_for(gesture):
                out.append(ContentError(shown, node.line, node.column, f"warning: {message}"))
    return out
