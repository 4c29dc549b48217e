"""`python3 -m bench_backend [--variant plain|multi|offload] --port N --workers N --broker mqtt://host:port[,mqtt://...]`

Every variant starts here. Worker processes are started with the spawn method, which does not run a
package's `__main__` again in the child, so a pool process imports only what its job needs.
"""

from __future__ import annotations

import logging
import os
import sys

from . import offload, server, supervisor
from .config import Settings, SettingsError, parse_settings

LAUNCHERS = {"plain": server.run, "multi": supervisor.run, "offload": offload.run}


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = parse_settings(argv, os.environ)
    except SettingsError as error:
        print(f"bench_backend: {error}", file=sys.stderr)
        return 2
    return launch(settings)


def launch(settings: Settings) -> int:
    return LAUNCHERS[settings.variant](settings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
