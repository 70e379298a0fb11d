"""Hooks: code of yours that runs before each request, after each success and after each error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = ["HookContext", "Hooks"]


@dataclass(frozen=True, slots=True)
class HookContext:
    operation_id: str
    server_url: str


BeforeRequest = Callable[[HookContext, "httpx.Request"], "httpx.Request | None"]
AfterSuccess = Callable[[HookContext, "httpx.Response"], "httpx.Response | None"]
AfterError = Callable[[HookContext, "httpx.Response | None", "Exception | None"], None]


@dataclass
class Hooks:
    """Register callables; each may return a replacement request/response or None to keep it.

    Each runs once per call: `before_request` before the first attempt (retries resend its
    result), `after_success` on the answer returned, `after_error` on the error raised to the
    caller (with the response, or None when no answer came). Failures that are retried are
    logged by the debug logger, not passed to the hooks.
    """

    before_request_hooks: list[BeforeRequest] = field(default_factory=list)
    after_success_hooks: list[AfterSuccess] = field(default_factory=list)
    after_error_hooks: list[AfterError] = field(default_factory=list)

    def register_before_request(self, hook: BeforeRequest) -> None:
        self.before_request_hooks.append(hook)

    def register_after_success(self, hook: AfterSuccess) -> None:
        self.after_success_hooks.append(hook)

    def register_after_error(self, hook: AfterError) -> None:
        self.after_error_hooks.append(hook)

    def before_request(self, context: HookContext, request: httpx.Request) -> httpx.Request:
        for hook in self.before_request_hooks:
            request = hook(context, request) or request
        return request

    def after_success(self, context: HookContext, response: httpx.Response) -> httpx.Response:
        for hook in self.after_success_hooks:
            response = hook(context, response) or response
        return response

    def after_error(self, context: HookContext, response: httpx.Response | None, error: Exception | None) -> None:
        for hook in self.after_error_hooks:
            hook(context, response, error)
