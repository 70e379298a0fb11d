"""Credentials: which of the API's security schemes a call needs, and how each one goes on the wire.

An operation's requirement lists alternatives; the first one whose schemes the client was all given is
sent (every scheme of it: headers, query parameters, cookies). OAuth2 client-credentials tokens are
fetched from the token URL once, shared by every thread and task, reused until shortly before they
expire, and fetched again once when the API answers 401.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from time import monotonic
from typing import TYPE_CHECKING, Any, Literal, NamedTuple
from urllib.parse import quote

from ._exceptions import MissingCredentialsError, TokenError

if TYPE_CHECKING:
    import asyncio

    import httpx

SchemeKind = Literal["apiKey", "bearer", "basic", "clientCredentials"]
#: A security requirement: alternatives, each the (scheme key, scopes) pairs it needs together.
Requirement = tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]
#: What the client takes per scheme: a key or token (or a callable returning it), or a pair.
Credential = str | Callable[[], str] | tuple[str, str]

# Seconds before `expires_in` runs out at which a cached token counts as expired (at most a tenth of its life).
_EXPIRY_MARGIN = 30.0


class SecurityScheme(NamedTuple):
    """One scheme of the spec, as `_settings.SECURITY_SCHEMES` describes it."""

    kind: SchemeKind  # `bearer` also stands for the other oauth2 flows and openIdConnect
    argument: str  # the client constructor's keyword argument
    env: tuple[str, ...] = ()  # environment variables: one, or two for a pair
    location: Literal["header", "query", "cookie", ""] = ""  # apiKey
    parameter: str = ""  # apiKey: the header, query or cookie name
    token_url: str = ""  # clientCredentials


@dataclass(slots=True)
class Credentials:
    """What one call sends; `token` is the client-credentials token among them (refreshed on a 401)."""

    headers: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    token: tuple[str, tuple[str, ...], str] | None = None  # (scheme key, scopes, token)

    def apply(self, headers: dict[str, str], query: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
        """Add these credentials to a request's headers (in place) and query; returns the query."""
        headers.update(self.headers)
        if self.cookies:
            pairs = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            headers["cookie"] = f"{headers['cookie']}; {pairs}" if headers.get("cookie") else pairs
        return {**(query or {}), **self.query} if self.query else query


class _Token(NamedTuple):
    value: str
    expires_at: float | None  # `monotonic()` time; None: until the API refuses it

    def fresh(self) -> bool:
        return self.expires_at is None or monotonic() < self.expires_at


class Authenticator:
    """The client's credentials per scheme (given, else from the environment) and its token cache."""

    def __init__(
        self,
        schemes: Mapping[str, SecurityScheme],
        given: Mapping[str, Credential | None],
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.schemes = schemes
        self.credentials: dict[str, Credential] = {}
        for key, scheme in schemes.items():
            value = given.get(key)
            if value is None:
                value = _from_environment(scheme, environ)
            if value is not None:
                self.credentials[key] = _checked(scheme, value)
        self._tokens: dict[tuple[str, tuple[str, ...]], _Token] = {}
        self._lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    # -- which schemes ---------------------------------------------------------------------
    def choose(self, operation_id: str, requirement: Requirement) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The first alternative the client has every credential of; raises `MissingCredentialsError`."""
        if not requirement:
            return ()
        for alternative in requirement:
            if all(key in self.credentials for key, _ in alternative):
                return alternative
        options = [" and ".join(self._describe(key) for key, _ in alt) for alt in requirement]
        schemes = tuple(dict.fromkeys(key for alt in requirement for key, _ in alt))
        raise MissingCredentialsError(
            f"{operation_id} needs credentials the client was not given: pass {' or '.join(options)}", schemes
        )

    def _describe(self, key: str) -> str:
        scheme = self.schemes[key]
        shape = {"basic": "(username, password)", "clientCredentials": "(client_id, client_secret)"}.get(scheme.kind)
        env = " and ".join(scheme.env)
        return f"`{scheme.argument}={shape or '...'}` (scheme {key!r}{f'; or set {env}' if env else ''})"

    # -- the credentials of one call ---------------------------------------------------------
    def credentials_sync(self, client: httpx.Client, operation_id: str, requirement: Requirement) -> Credentials:
        """What a call of this operation sends, fetching an OAuth token on the sync client if needed."""
        out = Credentials()
        for key, scopes in self.choose(operation_id, requirement):
            token = self.token_sync(client, key, scopes) if self.schemes[key].kind == "clientCredentials" else None
            self._place(out, key, scopes, token)
        return out

    async def credentials_async(
        self, client: httpx.AsyncClient, operation_id: str, requirement: Requirement
    ) -> Credentials:
        """The async twin of `credentials_sync`."""
        out = Credentials()
        for key, scopes in self.choose(operation_id, requirement):
            kind = self.schemes[key].kind
            token = await self.token_async(client, key, scopes) if kind == "clientCredentials" else None
            self._place(out, key, scopes, token)
        return out

    def _place(self, out: Credentials, key: str, scopes: tuple[str, ...], token: str | None) -> None:
        scheme, value = self.schemes[key], self.credentials[key]
        if token is not None:
            out.headers["authorization"] = f"Bearer {token}"
            out.token = (key, scopes, token)
        elif scheme.kind == "basic":
            user, password = _pair(value)
            out.headers["authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        else:
            secret = value() if callable(value) else str(value)
            if scheme.kind == "bearer":
                out.headers["authorization"] = secret if secret[:7].lower() == "bearer " else f"Bearer {secret}"
            elif scheme.location == "header":
                out.headers[scheme.parameter.lower()] = secret
            elif scheme.location == "query":
                out.query[scheme.parameter] = secret
            else:
                out.cookies[scheme.parameter] = secret

    # -- OAuth2 client credentials -------------------------------------------------------------
    def token_sync(self, client: httpx.Client, key: str, scopes: tuple[str, ...], stale: str | None = None) -> str:
        """A valid token for the scheme and scopes; one fetch at a time, whatever the number of threads.

        `stale` is a token the API refused: unless another thread already replaced it, a new one is fetched.
        """
        with self._lock:
            cached = self._tokens.get((key, scopes))
            if cached is not None and cached.fresh() and cached.value != stale:
                return cached.value
            request = self._token_request(client, key, scopes)
            token = self._tokens[(key, scopes)] = _parse_token(client.send(request))
            return token.value

    async def token_async(
        self, client: httpx.AsyncClient, key: str, scopes: tuple[str, ...], stale: str | None = None
    ) -> str:
        """The async twin of `token_sync`: one fetch at a time per event loop, whatever the number of tasks."""
        import asyncio

        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            lock = self._async_locks[loop] = asyncio.Lock()
        async with lock:
            cached = self._tokens.get((key, scopes))
            if cached is not None and cached.fresh() and cached.value != stale:
                return cached.value
            request = self._token_request(client, key, scopes)
            token = self._tokens[(key, scopes)] = _parse_token(await client.send(request))
            return token.value

    def _token_request(
        self, client: httpx.Client | httpx.AsyncClient, key: str, scopes: tuple[str, ...]
    ) -> httpx.Request:
        """`grant_type=client_credentials`, the client authenticated with HTTP basic (RFC 6749 §2.3.1)."""
        client_id, secret = _pair(self.credentials[key])
        basic = base64.b64encode(f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()).decode()
        data = {"grant_type": "client_credentials", **({"scope": " ".join(scopes)} if scopes else {})}
        return client.build_request(
            "POST",
            self.schemes[key].token_url,
            data=data,
            headers={"authorization": f"Basic {basic}", "accept": "application/json"},
        )


def _parse_token(response: httpx.Response) -> _Token:
    """The access token of a token endpoint's answer; the token itself never goes into an error message."""
    response.read()
    if response.is_error:
        raise TokenError(
            f"the token endpoint {response.request.url} answered {response.status_code}", response.status_code
        )
    try:
        data = json.loads(response.content)
        value = data["access_token"]
    except (ValueError, KeyError, TypeError):
        raise TokenError(
            f"the token endpoint {response.request.url} sent no access_token", response.status_code
        ) from None
    if not isinstance(value, str) or not value:
        raise TokenError(f"the token endpoint {response.request.url} sent no access_token", response.status_code)
    expires_in = data.get("expires_in")
    if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)) or not 0 < expires_in < 10**9:
        return _Token(value, None)
    return _Token(value, monotonic() + expires_in - min(_EXPIRY_MARGIN, expires_in / 10))


def _from_environment(scheme: SecurityScheme, environ: Mapping[str, str]) -> Credential | None:
    values = [environ.get(name) or "" for name in scheme.env]
    if not values or not all(values):
        return None
    if scheme.kind in ("basic", "clientCredentials"):
        return (values[0], values[1]) if len(values) == 2 else None
    return values[0]


def _checked(scheme: SecurityScheme, value: Credential) -> Credential:
    """The credential if it has the scheme's shape: a pair for basic and client credentials, else a key."""
    pair = scheme.kind in ("basic", "clientCredentials")
    if pair != isinstance(value, tuple) or (isinstance(value, tuple) and len(value) != 2):
        shape = "a (username, password) pair" if scheme.kind == "basic" else "a (client_id, client_secret) pair"
        raise TypeError(f"`{scheme.argument}` takes {shape if pair else 'a string or a callable returning one'}")
    return value


def _pair(value: Credential) -> tuple[str, str]:
    assert isinstance(value, tuple)  # `_checked` made sure when the client was created
    return value


def redacted_url(url: httpx.URL, schemes: Mapping[str, SecurityScheme]) -> str:
    """The URL for the debug log, with the values of apiKey query parameters replaced by `[REDACTED]`."""
    hidden = {s.parameter for s in schemes.values() if s.kind == "apiKey" and s.location == "query"}
    if not hidden or not url.query:
        return str(url)
    params = [(k, "[REDACTED]" if k in hidden else v) for k, v in url.params.multi_items()]
    return str(url.copy_with(params=params)).replace("%5BREDACTED%5D", "[REDACTED]")


def secret_headers(schemes: Mapping[str, SecurityScheme]) -> frozenset[str]:
    """The (lower-case) names of the apiKey headers: the debug log hides them."""
    return frozenset(s.parameter.lower() for s in schemes.values() if s.kind == "apiKey" and s.location == "header")
