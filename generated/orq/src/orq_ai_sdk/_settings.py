"""This SDK's settings, generated from the spec: the runtime (`_client.py`) reads them at run time."""

from __future__ import annotations

from typing import Literal

#: The SDK's package; also the name of its debug logger.
PACKAGE = "orq_ai_sdk"
#: The `User-Agent` header of every request.
USER_AGENT = "orq-ai-sdk/0.1.0 python"
#: The environment variable that switches debug logging on (`1`, `true` or `yes`).
DEBUG_ENV = "ORQ_DEBUG"
#: Where the API key goes: an `Authorization` header (`bearer`, `basic`), a header or query parameter
#: named `AUTH_PARAMETER` (`header`, `query`), or nowhere (`none`).
AUTH_KIND: Literal["bearer", "basic", "header", "query", "none"] = "bearer"
AUTH_PARAMETER = "Authorization"
