"""Operations of `orq.router.chat`."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._client import BaseClient
from .._response import ResourceView

if TYPE_CHECKING:
    from .router_chat_completions import (
        RouterChatCompletions,
        RouterChatCompletionsWithRawResponse,
        RouterChatCompletionsWithStreamingResponse,
    )


class RouterChat:
    """Operations of `orq.router.chat`."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> RouterChatWithRawResponse:
        """The same methods, answering with an `APIResponse`: `status_code`, `headers`, `parse()`."""
        return RouterChatWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> RouterChatWithStreamingResponse:
        """The same methods as context managers that leave the body unread (`iter_bytes()`, `write_to_file()`)."""
        return RouterChatWithStreamingResponse(self)

    @cached_property
    def completions(self) -> RouterChatCompletions:
        """`orq.router.chat.completions`"""
        from .router_chat_completions import RouterChatCompletions

        return RouterChatCompletions(self._client)


class RouterChatWithRawResponse(ResourceView["RouterChat"]):
    """`orq.router.chat` answering with `APIResponse` objects."""

    @cached_property
    def completions(self) -> RouterChatCompletionsWithRawResponse:
        """`orq.router.chat.completions`, answering with `APIResponse` objects."""
        return self._resource.completions.with_raw_response


class RouterChatWithStreamingResponse(ResourceView["RouterChat"]):
    """`orq.router.chat` as context managers that leave the body unread."""

    @cached_property
    def completions(self) -> RouterChatCompletionsWithStreamingResponse:
        """`orq.router.chat.completions`, as context managers that leave the body unread."""
        return self._resource.completions.with_streaming_response
