"""``@record``: the project's immutable value class, a standard dataclass whose immutability
mypy checks (strict, in CI) rather than every start of the program.

Why not ``@dataclass(frozen=True)``: on Python 3.11 a frozen dataclass compiles three more
functions per class (``__setattr__``, ``__delattr__``, ``__hash__``, each through ``exec``)
and its ``__init__`` sets every field through ``object.__setattr__``. Measured with
``valgrind --tool=callgrind python -m micromance_tui today`` (instructions, not noisy), the
frozen flag on the 33 classes that ``today`` imports cost 58 M of its 421 M instructions
(14 %); per class, 1.33 ms against 0.85 ms (``timeit`` of the class statement). Start-up
has a budget (benchmarks/bench_startup.py), so the check moved to the type checker:

- ``dataclass_transform(frozen_default=True)`` tells mypy every ``@record`` is frozen, so
  ``entry.note = "x"`` is a type error, as it would be at run time with ``frozen=True``;
- ``unsafe_hash=True`` keeps what freezing gave at run time besides the check: a record
  hashes by its fields, so it can be a dict key or in a set.

``dataclasses.replace``, ``fields`` and field metadata work as with any dataclass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

__all__ = ["record"]


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, slots: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[Any] | None = None, /, *, slots: bool = True) -> Any:
    """A dataclass that is immutable to the type checker and hashes by its fields;
    ``slots`` (default True) as for ``dataclass``."""

    def wrap(klass: type[Any]) -> type[Any]:
        return dataclass(klass, unsafe_hash=True, slots=slots)

    return wrap if cls is None else wrap(cls)
