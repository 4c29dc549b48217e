"""`python3 -m bench_analytics --broker mqtt://host:port [--stop-on-stdin-eof]`: one analytics worker.

Prints `ANALYTICS-READY pid=<pid>` once the broker acknowledged the job subscription, and exits 0 on
SIGTERM or SIGINT. The hybrid launcher (node-reference/src/hybrid/main.js) starts one per --workers.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading

from bench_backend.config import SettingsError, parse_broker

from .worker import AnalyticsWorker

STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="bench_analytics", description="One analytics worker of the hybrid backend")
    parser.add_argument("--broker", required=True, help="mqtt://host:port")
    parser.add_argument("--stop-on-stdin-eof", action="store_true", help="stop when the parent closes our stdin")
    arguments = parser.parse_args(argv)
    try:
        broker = parse_broker(arguments.broker)
    except SettingsError as error:
        print(f"bench_analytics: {error}", file=sys.stderr)
        return 2
    if broker is None:
        print("bench_analytics: --broker must name a broker", file=sys.stderr)
        return 2

    # The stop signals are taken with sigwait on this thread rather than by a handler: a handler would
    # run between two bytecodes of whatever holds paho's locks. Blocked before any thread starts, so
    # every thread inherits the mask and none of them takes the signal instead.
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    worker = AnalyticsWorker(broker)
    worker.start()
    if arguments.stop_on_stdin_eof:
        threading.Thread(target=_signal_at_end_of_stdin, name="parent watch", daemon=True).start()
    signal.sigwait(STOP_SIGNALS)
    worker.stop()
    return 0


def _signal_at_end_of_stdin() -> None:
    """The parent holds the write end of our stdin; end-of-file means it is gone, even after a SIGKILL."""
    # The raw descriptor, not sys.stdin: a daemon thread blocked inside a buffered reader holds its lock,
    # and the interpreter aborts when it finds that lock taken at shutdown.
    while os.read(0, 64):
        pass
    os.kill(os.getpid(), signal.SIGTERM)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
