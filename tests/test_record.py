"""paperlint.record: NamedTuple (typing's class form without importing typing), Record."""

from __future__ import annotations

import pickle

import pytest

from paperlint.formats.base import Block, Table
from paperlint.record import NamedTuple, Record


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    """Docstrings after fields are allowed, as in any class body."""
    label: str = "origin"

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


def test_the_class_form_behaves_as_typing_named_tuple() -> None:
    point = Point(1, label="p")
    assert point == (1, 0, "p")
    assert Point._fields == ("x", "y", "label")
    assert Point._field_defaults == {"y": 0, "label": "origin"}
    assert point.moved(2) == Point(3, 0, "p")
    assert Point(-2, 3).norm == 5
    assert repr(point) == "Point(x=1, y=0, label='p')"
    assert Point.__doc__ == "A point."
    assert (Point.__module__, Point.__qualname__) == (__name__, "Point")
    assert Point.__annotations__ == {"x": "int", "y": "int", "label": "str"}
    assert issubclass(Point, tuple)
    assert pickle.loads(pickle.dumps(point)) == point
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_only_the_class_form() -> None:
    with pytest.raises(TypeError, match="class form"):
        NamedTuple("Point", [("x", int)])


def test_a_record_compiled_by_mypyc_takes_its_fields_from_mypyc_attrs() -> None:
    # A class mypyc compiles keeps neither __slots__ nor __annotations__; it lists its
    # attributes, in the order declared and then __dict__, in __mypyc_attrs__ (the
    # compiled build of docs/benchmarks.md). Equality and repr must still see the fields.
    class Compiled(Record):
        __mypyc_attrs__ = ("second", "first", "__dict__")

        def __init__(self, second: int, first: int) -> None:
            self.second = second
            self.first = first

    assert Compiled._fields == ("second", "first")
    assert Compiled(1, 2) == Compiled(1, 2)
    assert Compiled(1, 2) != Compiled(1, 3)
    assert repr(Compiled(1, 2)) == "Compiled(second=1, first=2)"


def test_blocks_and_tables_compare_by_identity() -> None:
    # Methods, not ``__eq__ = object.__eq__``, which mypyc takes for an instance attribute.
    first, second = Table(0, ["title"]), Table(0, ["title"])
    assert first == first
    assert first != second
    assert len({first, second}) == 2
    block = Block("item", 0, 0, 0, 1)
    assert block == block
    assert block != Block("item", 0, 0, 0, 1)
    assert hash(block) == object.__hash__(block)
