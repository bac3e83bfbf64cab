"""A base for the mutable parts of the model and the results: slotted classes that compare
by value and show their fields, as slotted dataclasses do, without their cost to define.

A slotted dataclass costs ~0.4 ms to define (it writes and compiles its methods, then builds
its class again with slots) and ``dataclasses`` imports ``inspect``: for the 20 classes a
plain check defines, that was 11 ms of a 74 ms run on a small list. A subclass of ``Record``
writes its ``__slots__`` and ``__init__``; equality and ``repr`` read the slots.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, ClassVar

__all__ = ["Record"]


class Record:
    """Equality (same class, equal fields) and a ``repr`` from the class's ``__slots__``.
    Like a mutable dataclass, a record is unhashable (defining ``__eq__`` removes the
    inherited ``__hash__``) unless its class says otherwise."""

    __slots__ = ()
    _uncompared: ClassVar[tuple[str, ...]] = ()
    """Slots left out of equality and ``repr``: values derived from the others."""
    _fields: ClassVar[tuple[str, ...]] = ()
    _values: ClassVar[attrgetter[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # In the order the class declares them (its annotations), not that of __slots__.
        slots = cls.__dict__.get("__slots__", ())
        declared = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect: 4 ms)
        cls._fields = tuple(
            name for name in declared if name in slots and name not in cls._uncompared
        )
        cls._values = attrgetter(*cls._fields or ("__class__",))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._values(self) == self._values(other))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__name__}({shown})"
