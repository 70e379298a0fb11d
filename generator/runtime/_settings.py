"""Stand-in for the `_settings.py` generated into each SDK, so the runtime can be imported and tested here.

Never copied into an SDK: `templates/sdk/settings.py.jinja` writes the real one from the spec. The
runtime reads these as attributes of this module at run time, so tests can monkeypatch them.
"""

from __future__ import annotations

from ._auth import Requirement, SecurityScheme

#: The SDK's package; also the name of its debug logger.
PACKAGE = "sdk_runtime"
#: The `User-Agent` header of every request.
USER_AGENT = "sdk-runtime/0.0.0 python"
#: The environment variable that switches debug logging on (`1`, `true` or `yes`).
DEBUG_ENV = "SDK_RUNTIME_DEBUG"
#: The spec's security schemes by key: how `_auth.py` sends each, and the client argument it comes from.
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "bearer": SecurityScheme(kind="bearer", argument="api_key", env=("SDK_RUNTIME_API_KEY",)),
}
#: The requirement of operations that declare none: alternatives of (scheme, scopes) sent together.
SECURITY: Requirement = ((("bearer", ()),),)
