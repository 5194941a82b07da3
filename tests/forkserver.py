"""A process that runs ``kg`` commands in forked children, its extractor loaded once.

The kill tests run many builds; a fresh interpreter per build would spend most
of its time loading dictionaries. This server loads them once, then for each
request (a JSON line ``{"args": [...], "env": {...}}`` on stdin) forks a child
that runs ``kg ARGS`` and answers with its exit status (``-9`` when the child
was killed). It never opens a store itself: RocksDB's thread pool does not
survive a fork, so forking a process that used one (pytest's) would hang.
"""
from __future__ import annotations

import json
import os
import sys


def serve() -> None:
    from kg import cli, crash
    from kg.extract import Extractor
    from kg.model import Article
    Extractor()(Article("w", "市长到县里调研。"))          # load the dictionaries once
    for line in sys.stdin:
        req = json.loads(line)
        pid = os.fork()
        if pid == 0:
            rc = 1
            try:
                os.environ.update(req.get("env", {}))
                crash.reset()
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                rc = cli.main(req["args"])
            finally:
                os._exit(rc)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"rc": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
