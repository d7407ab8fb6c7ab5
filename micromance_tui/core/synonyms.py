"""Search synonyms: groups of words and short phrases that mean the same thing to a person
searching ("long distance" and "apart"). The groups are data, in ``synonyms.yaml`` next to
this module, read safely (``yamlnodes``) and checked, with file:line:column for each
problem. Plain Python: no Textual."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import field
from functools import cache
from pathlib import Path

from micromance_tui.core.record import record
from micromance_tui.core.yamlnodes import ContentError, ContentErrors, Node, YamlProblem, parse_file

SHIPPED = Path(__file__).with_name("synonyms.yaml")
STR_TAG = "tag:yaml.org,2002:str"
#: the longest phrase a group may hold, in words
MAX_PHRASE_WORDS = 4
WORD_RE = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The lowercase words of a text, as the search index, a query and a synonym phrase all
    see them (here, below ``search``, which imports it)."""
    return WORD_RE.findall(text.lower())


@record
class Synonyms:
    """Each phrase (a tuple of lowercase words) maps to its whole group, itself first."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    by_phrase: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(
        init=False, repr=False, compare=False
    )
    longest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        for group in self.groups:
            for phrase in group:
                table[phrase] = (phrase, *(p for p in group if p != phrase))
        object.__setattr__(self, "by_phrase", table)
        object.__setattr__(self, "longest", max((len(p) for p in table), default=0))

    def alternatives(self, phrase: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """The group ``phrase`` belongs to, ``phrase`` first; empty when it has none."""
        return self.by_phrase.get(tuple(phrase), ())


def read_synonyms(path: Path, shown: str | None = None) -> Synonyms:
    """Read and check a synonyms file. Raises ContentErrors naming file:line:column."""
    name = shown or str(path)
    errors: list[ContentError] = []

    def error(node: Node, message: str) -> None:
        errors.append(ContentError(name, node.line, node.column, message))

    try:
        root = parse_file(path)
    except YamlProblem as exc:
        raise ContentErrors([ContentError(name, exc.line, exc.column, exc.message)]) from None
    if root is None:
        return Synonyms()
    if root.kind != "seq":
        raise ContentErrors(
            [
                ContentError(
                    name,
                    root.line,
                    root.column,
                    f"expected a list of groups, found {root.type_word}",
                )
            ]
        )
    seen: dict[tuple[str, ...], int] = {}
    groups: list[tuple[tuple[str, ...], ...]] = []
    for group_node in root.value:
        if group_node.kind != "seq":
            error(group_node, f"a group is a list like [hug, cuddle]; found {group_node.type_word}")
            continue
        group: list[tuple[str, ...]] = []
        for item in group_node.value:
            if item.kind != "scalar" or item.tag != STR_TAG:
                error(item, f"expected a word or short phrase, found {item.type_word}")
                continue
            phrase = tuple(words(item.value))
            if not phrase or " ".join(phrase) != item.value.strip():
                error(
                    item,
                    f"{item.value!r} should be lowercase words and spaces only"
                    + (f" (like {' '.join(phrase)!r})" if phrase else ""),
                )
                continue
            if len(phrase) > MAX_PHRASE_WORDS:
                error(item, f"{item.value!r} is longer than {MAX_PHRASE_WORDS} words")
                continue
            if phrase in seen:
                error(item, f"{item.value!r} is already in the group on line {seen[phrase]}")
                continue
            seen[phrase] = group_node.line
            group.append(phrase)
        if len(group) < 2 and not any(e.line == group_node.line for e in errors):
            error(group_node, "a group needs at least two words or phrases")
        if len(group) >= 2:
            groups.append(tuple(group))
    if errors:
        raise ContentErrors(errors)
    return Synonyms(tuple(groups))


@cache
def shipped_synonyms() -> Synonyms:
    """The groups shipped with micromance (read once per process)."""
    return read_synonyms(SHIPPED)


def phrases_in(terms: Sequence[str], synonyms: Synonyms) -> Iterable[tuple[str, ...]]:
    """The query's terms as units: the longest phrase with synonyms at each place, else a
    single term. ('long', 'distance', 'call') -> ('long', 'distance'), ('call',)."""
    i = 0
    while i < len(terms):
        for size in range(min(synonyms.longest, len(terms) - i), 0, -1):
            if size > 1 and tuple(terms[i : i + size]) in synonyms.by_phrase:
                yield tuple(terms[i : i + size])
                i += size
                break
        else:
            yield (terms[i],)
            i += 1
