"""Emitters: the IR (and the normalised spec, for models) into file contents.

`models` (pydantic + TypedDicts through datamodel-code-generator), `sdk` (client, resources, package
files, runtime), `docs` (markdown reference), `surface` (the public-surface snapshot); `templating` and
`markdown` are the filters they share.
"""
