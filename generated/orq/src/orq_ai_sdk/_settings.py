"""This SDK's settings, generated from the spec: the runtime (`_client.py`) reads them at run time."""

from __future__ import annotations

from ._auth import Requirement, SecurityScheme

#: The SDK's package; also the name of its debug logger.
PACKAGE = "orq_ai_sdk"
#: The `User-Agent` header of every request.
USER_AGENT = "orq-ai-sdk/0.1.0 python"
#: The environment variable that switches debug logging on (`1`, `true` or `yes`).
DEBUG_ENV = "ORQ_DEBUG"
#: The spec's security schemes by key: how `_auth.py` sends each, and the client argument it comes from.
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "bearer": SecurityScheme(
        kind="bearer",
        argument="api_key",
        env=("ORQ_API_KEY",),
    ),
}
#: The requirement of operations that declare none: alternatives of (scheme, scopes) sent together.
SECURITY: Requirement = ((("bearer", ()),),)
