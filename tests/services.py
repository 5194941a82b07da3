"""Real services for the tests: an Oxigraph SPARQL server (``pip install oxigraph``) on 127.0.0.1.

Outside CI a missing server binary skips the tests that need it; in CI (``CI`` set, as ``.ci/run`` runs)
it fails them, since ``.ci/run`` installs it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def need(what: str, found: bool) -> None:
    """Skip (or in CI fail) when ``what`` is not installed."""
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is not installed (the test extra installs it)")
        pytest.skip(f"{what} is not installed: pip install -e '.[test]'")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` as a subprocess."""

    def __init__(self, location: Path) -> None:
        exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        need("the oxigraph server", Path(exe).is_file())
        self.location, self.exe = location, exe
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        self.proc = subprocess.Popen([self.exe, "serve", "--location", str(self.location),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/query?query=ASK%7B%7D", timeout=1).read()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("oxigraph serve exited")
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not answer")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
