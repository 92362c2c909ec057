"""Composition root: ``python run_service.py [COMMAND]`` and the ``rpa-intake`` script.

Loads the settings, builds the database engine, the intake context and the mail transport
(intake.app.App), and hands them to the command; ``run`` registers the scheduler jobs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from intake.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
