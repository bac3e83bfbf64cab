"""Bases for the model and the results that are cheap to define: ``Record`` for the mutable
parts (slotted classes that compare by value and show their fields, as slotted dataclasses
do) and ``NamedTuple`` for the frozen ones (``typing.NamedTuple`` for mypy, without
importing typing at run time).

A slotted dataclass costs ~0.4 ms to define (it writes and compiles its methods, then builds
its class again with slots) and ``dataclasses`` imports ``inspect``: for the 20 classes a
plain check defines, that was 11 ms of a 74 ms run on a small list. A subclass of ``Record``
writes its ``__slots__`` and ``__init__``; equality and ``repr`` read the slots.
"""

from __future__ import annotations

from collections import namedtuple
from operator import attrgetter

# Not typing's: a plain check does not import typing (-3 ms of a 45 ms run); mypy reads
# any constant of this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar
    from typing import NamedTuple as NamedTuple

__all__ = ["NamedTuple", "Record"]


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
        if "__mypyc_attrs__" in cls.__dict__:
            # A class compiled by mypyc (the build of docs/benchmarks.md) keeps neither
            # __slots__ nor __annotations__: its attributes, in the order declared, are
            # here (with __dict__, which mypyc gives a subclass of a Python class).
            attributes = cls.__dict__["__mypyc_attrs__"]
            slots = declared = tuple(name for name in attributes if name != "__dict__")
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


if not TYPE_CHECKING:

    class _NamedTupleMeta(type):
        """Makes ``class Name(NamedTuple)`` a ``collections.namedtuple`` with the class's
        methods, as ``typing.NamedTuple`` does, without importing typing or evaluating the
        annotations (which, as strings, typing compiles one by one): mypy sees
        ``typing.NamedTuple``, the types are the same."""

        def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            annotations = namespace.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = [namespace[field] for field in fields if field in namespace]
            made = namedtuple(name, fields, defaults=defaults, module=namespace["__module__"])
            for key, value in namespace.items():
                if key not in fields and key not in {"__module__", "__qualname__"}:
                    setattr(made, key, value)
            made.__qualname__ = namespace.get("__qualname__", name)
            return made

    # The base a class statement takes (through __mro_entries__), made without going through
    # the metaclass, as typing makes its own.
    _NAMED_TUPLE_BASE = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename: str, fields: object = None) -> type:
        raise TypeError("only the class form is supported: class Name(NamedTuple)")

    NamedTuple.__mro_entries__ = lambda bases: (_NAMED_TUPLE_BASE,)


if TYPE_CHECKING:
    from typing import TypeVar

    _C = TypeVar("_C", bound=type)


def python_class(cls: _C) -> _C:
    """Marks a class that mypyc must build as an ordinary Python class (a class with a
    decorator mypyc does not know is one): a subclass of a built-in type mypyc cannot
    extend, or one whose attributes are set from outside. Does nothing at run time."""
    return cls
