"""`python3 -m bench_backend --port N --workers N --broker mqtt://host:port`"""

from __future__ import annotations

import logging
import os
import sys

from .config import SettingsError, parse_settings
from .server import run


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = parse_settings(argv, os.environ)
    except SettingsError as error:
        print(f"bench_backend: {error}", file=sys.stderr)
        return 2
    return run(settings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
