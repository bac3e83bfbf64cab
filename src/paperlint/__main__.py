"""``python -m paperlint`` and the ``paperlint`` command: the process around ``cli.main``."""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    """Run the command line in this process and end it with the exit code.

    The switches here are the process's, not the library's (tests and users call
    ``cli.main``): no cyclic garbage collection while the modules are imported (they make no
    garbage: -1 ms of 51 on the 10-entry seed list), and an exit that skips tearing the
    interpreter down once the output is flushed (-5 ms: freeing every module and object one
    by one, when the process is about to end anyway).
    """
    gc.disable()
    from paperlint.cli import main

    gc.freeze()  # what the imports made stays out of the collections the run triggers
    gc.enable()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a stream that fails now: leave it to Python's own exit
        raise SystemExit(code) from None
    os._exit(code)


if __name__ == "__main__":
    run()
