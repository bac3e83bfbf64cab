"""Types only mypy sees: classes that cannot be defined in a module mypyc compiles without
importing typing at run time (mypyc compiles no class under ``if TYPE_CHECKING:``)."""

from typing import Protocol

class Placed(Protocol):
    """What suppressions need of a finding: its rule's code and its line."""

    @property
    def code(self) -> str: ...
    @property
    def line(self) -> int: ...
