"""The runtime every generated SDK carries: plain Python modules, copied into each SDK unchanged.

The layout mirrors the SDK package (`_client.py`, `_streaming.py`, `utils/retries.py`...) so that the
relative imports work both here, where the runtime's own tests import it, and inside an SDK. This
`__init__.py` and `_settings.py` (placeholder values) are not copied: each SDK gets its own package
`__init__.py` and a `_settings.py` generated from its spec (`templates/sdk/settings.py.jinja`).
"""
