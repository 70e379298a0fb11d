"""Stand-in for the `_settings.py` generated into each SDK, so the runtime can be imported and tested here.

Never copied into an SDK: `templates/sdk/settings.py.jinja` writes the real one from the spec. The
runtime reads these as attributes of this module at run time, so tests can monkeypatch them.
"""

from __future__ import annotations

from typing import Literal

#: The SDK's package; also the name of its debug logger.
PACKAGE = "sdk_runtime"
#: The `User-Agent` header of every request.
USER_AGENT = "sdk-runtime/0.0.0 python"
#: The environment variable that switches debug logging on (`1`, `true` or `yes`).
DEBUG_ENV = "SDK_RUNTIME_DEBUG"
#: Where the API key goes: an `Authorization` header (`bearer`, `basic`), a header or query parameter
#: named `AUTH_PARAMETER` (`header`, `query`), or nowhere (`none`).
AUTH_KIND: Literal["bearer", "basic", "header", "query", "none"] = "bearer"
AUTH_PARAMETER = "Authorization"
