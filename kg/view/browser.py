"""Headless Chromium for the view's browser tests and ``bench/``: Debian's ``/usr/bin/chromium`` driven by Playwright.

Playwright's own browser download does not work offline, so the system
Chromium is launched with flags that keep it from calling home, and a fresh
profile each time. Playwright is imported only when a browser is opened.

>>> "--no-sandbox" in LAUNCH_ARGS and "--disable-background-networking" in LAUNCH_ARGS
True
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Path of the system Chromium (``KG_CHROMIUM`` overrides), or ``None`` when there is none.

    >>> chromium_path() is None or Path(chromium_path()).is_file()
    True
    """
    for cand in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser")):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return cand
    return None


def browser_missing() -> str | None:
    """Why no browser test can run here (``None`` when Chromium and Playwright are both available)."""
    if chromium_path() is None:
        return "no chromium executable (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(viewport: tuple[int, int] = (1400, 850)) -> Iterator[Any]:
    """A fresh headless Chromium context (Playwright ``BrowserContext``), closed afterwards."""
    from playwright.sync_api import sync_playwright
    exe = chromium_path()
    if exe is None:
        raise RuntimeError(browser_missing())
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    try:
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile, executable_path=exe, headless=True, args=LAUNCH_ARGS,
                viewport={"width": viewport[0], "height": viewport[1]})
            try:
                yield ctx
            finally:
                ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
