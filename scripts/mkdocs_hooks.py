"""MkDocs hook: regenerate content/ from seeds/ before each build, and watch seeds/.

Only a thin layer: all logic lives in the aseankb package, so that tools which run
no MkDocs hooks (Zensical) build the same site with `aseankb build`, then
`aseankb search-index --site site` after the site is built.
"""

from aseankb.mkdocs_hooks import on_files, on_post_build, on_pre_build, on_serve, on_startup  # noqa: F401
