"""Operations of `orq.router.chat`."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._client import BaseClient

if TYPE_CHECKING:
    from .router_chat_completions import RouterChatCompletions


class RouterChat:
    """Operations of `orq.router.chat`."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    @cached_property
    def completions(self) -> RouterChatCompletions:
        """`orq.router.chat.completions`"""
        from .router_chat_completions import RouterChatCompletions

        return RouterChatCompletions(self._client)
