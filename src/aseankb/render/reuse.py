"""List pages rendered only when their inputs changed.

A new seed changes a handful of the ~300 list pages (its partners', domains', year's,
people's and matrix cells'), but at 10,000 articles rendering them all costs seconds.
Each such page gets a key: the code's version, the page's path, and the metadata hash
(pipeline.meta_key) of every article it lists, in order, plus any other value it shows.
The build passes `fresh(path, key)`: true when the file on disk was written from that
same key (its stamp), so the page need not be rendered at all, like an article page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..model import Article


class Reuse:
    """`skip(path, *inputs)`: whether the page is on disk as these inputs make it. Without
    `metas` (no cache), nothing is skipped."""

    def __init__(self, version: str = "", metas: dict[int, str] | None = None,
                 fresh: Callable[[str, str], bool] | None = None) -> None:
        self.version, self.metas, self.fresh = version, metas, fresh
        self.keys: dict[str, str] = {}  # path -> key, of every page given a key
        self.kept: set[str] = set()  # pages skipped: on disk as they should be

    def skip(self, rel: str, *inputs: object) -> bool:
        if self.metas is None or self.fresh is None:
            return False
        h = hashlib.blake2b(f"{self.version}\0{rel}".encode(), digest_size=16)
        for value in inputs:
            if isinstance(value, list) and all(isinstance(a, Article) for a in value[:1]):
                # Keyed by identity: the build's own articles, each with its metadata hash.
                h.update(b"\1" + "\0".join(map(self.metas.__getitem__, map(id, value))).encode())
            else:
                h.update(b"\2" + repr(value).encode())
        key = h.hexdigest()
        self.keys[rel] = key
        if self.fresh(rel, key):
            self.kept.add(rel)
            return True
        return False


NO_REUSE = Reuse()
