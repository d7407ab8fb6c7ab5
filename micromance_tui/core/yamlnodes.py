"""Safe YAML reading that keeps every value's position.

Files are *composed* into nodes (never constructed into Python objects by PyYAML), so a
`!!python/...` tag can never run, anchors and aliases cannot expand, duplicate keys are
seen, and every value keeps its line and column for error messages. Scalars are typed by
the resolver's tag: an unquoted `no` or `12:30` where text is expected is reported, not
silently turned into `False` or `750`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from micromance_tui.core.record import record

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40

_TAG_PREFIX = "tag:yaml.org,2002:"
_TAG_WORDS = {
    "bool": "a true/false value",
    "int": "a whole number",
    "float": "a number",
    "null": "an empty value",
    "timestamp": "a date",
    "str": "text",
    "seq": "a list",
    "map": "a mapping",
    "binary": "binary data",
}


@record
class ContentError:
    """One problem in one file, at one place."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class ContentErrors(Exception):
    """Raised when shipped content does not validate; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@dataclass(slots=True)
class Node:
    """A YAML node reduced to what validation needs: kind, value, position, tag."""

    kind: str  # "scalar", "seq" or "map"
    value: Any  # str for scalars, list[Node] for seq, list[tuple[Node, Node]] for map
    line: int
    column: int
    tag: str

    @property
    def type_word(self) -> str:
        if self.tag.startswith(_TAG_PREFIX):
            return _TAG_WORDS.get(self.tag[len(_TAG_PREFIX) :], self.tag)
        return f"the tag {self.tag}"


def _loader() -> type[yaml.SafeLoader]:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def _convert(node: yaml.Node, depth: int, seen: set[int]) -> Node:
    import yaml

    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if depth > MAX_DEPTH:
        raise YamlProblem(line, column, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
    if id(node) in seen:  # an alias: the composer hands back the anchored node again
        raise YamlProblem(line, column, "anchors and aliases (&name, *name) are not allowed")
    seen.add(id(node))  # scalars too: N aliases of one big scalar would be N copies later
    if not node.tag.startswith(_TAG_PREFIX) or node.tag[len(_TAG_PREFIX) :] not in _TAG_WORDS:
        tag = node.tag
        shown = "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
        what = "merge keys (<<) are" if shown == "!!merge" else f"the tag {shown!r} is"
        raise YamlProblem(line, column, f"{what} not allowed; write plain values instead")
    if isinstance(node, yaml.ScalarNode):
        return Node("scalar", node.value, line, column, node.tag)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(child, depth + 1, seen) for child in node.value]
        return Node("seq", items, line, column, node.tag)
    pairs = [(_convert(k, depth + 1, seen), _convert(v, depth + 1, seen)) for k, v in node.value]
    return Node("map", pairs, line, column, node.tag)


def parse_file(path: Path) -> Node | None:
    """Read and compose one YAML file. Raises YamlProblem with a position on any problem.

    Returns None for an empty document.
    """
    import yaml

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlProblem(1, 1, f"cannot read the file: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            1,
            1,
            f"the file is {size / 1024 / 1024:.1f} MB; content files may be at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB",
        )
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(line, column, "the file is not UTF-8 text") from None
    except OSError as exc:
        raise YamlProblem(1, 1, f"cannot read the file: {exc.strerror or exc}") from None
    if "\x00" in text:
        raise YamlProblem(1, 1, "the file is binary, not YAML text")
    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and problem.startswith("but "):  # "but found another document"
            problem = f"{exc.context}, {problem}"
        raise YamlProblem(where[0], where[1], f"YAML syntax: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, f"YAML syntax: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, 1, "nesting too deep to read") from None
    if root is None:
        return None
    return _convert(root, 0, set())
