"""The embedded SPARQL store of a build (pyoxigraph, in ``OUT/store``).

``sync`` brings the store in line with a build's dataset, touching only the
articles whose content hash changed and the shared descriptions that changed;
``remove_article`` drops one article;
``query`` answers SPARQL over the merged graph (shared descriptions plus every article graph).
"""
from __future__ import annotations

from .db import STORE_DIR, open_store
from .sync import EarlyLoad, SyncReport, remove_article, stored_digests, sync, sync_checked

__all__ = ["STORE_DIR", "open_store", "EarlyLoad", "SyncReport", "sync", "sync_checked", "stored_digests", "remove_article"]
