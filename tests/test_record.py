"""paperlint.record.NamedTuple: typing.NamedTuple's class form, without importing typing."""

from __future__ import annotations

import pickle

import pytest

from paperlint.record import NamedTuple


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
