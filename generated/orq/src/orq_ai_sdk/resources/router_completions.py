"""Operations of `orq.router.completions`."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from .. import models
from .._client import BaseClient, OperationSpec, build_model
from .._response import ResourceView, raw_response, raw_response_async, streamed_response, streamed_response_async
from .._streaming import DeltaShape
from .._types import UNSET, Unset
from ..utils.retries import RetryConfig

if TYPE_CHECKING:
    from .._streaming import DeltaEventStream, DeltaEventStreamAsync


_CREATE = OperationSpec(
    operation_id="createCompletion",
    method="POST",
    path="/v2/router/completions",
    response_kind="json",
    response_type=lambda: models.CreateCompletionResponseBody,
    request_content_type="application/json",
    stream_type=lambda: models.CreateCompletionChunk,
    sentinel="[DONE]",
    envelope=True,
    accumulate=DeltaShape(
        delta="",
        message="",
        text="text",
        constants={},
        message_constants={},
    ),
)


class RouterCompletions:
    """Operations of `orq.router.completions`."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> RouterCompletionsWithRawResponse:
        """The same methods, answering with an `APIResponse`: `status_code`, `headers`, `parse()`."""
        return RouterCompletionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> RouterCompletionsWithStreamingResponse:
        """The same methods as context managers that leave the body unread (`iter_bytes()`, `write_to_file()`)."""
        return RouterCompletionsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> models.CreateCompletionResponseBody: ...

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[True],
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> DeltaEventStream[models.CreateCompletionChunk, models.CreateCompletionResponseBody]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateCompletionResponseBody
        | DeltaEventStream[models.CreateCompletionChunk, models.CreateCompletionResponseBody]
    ): ...

    def create(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateCompletionResponseBody
        | DeltaEventStream[models.CreateCompletionChunk, models.CreateCompletionResponseBody]
    ):
        """Create completion

        For sending requests to legacy completion models

        `POST /v2/router/completions`

        Args:
            model: ID of the model to use
            prompt: The prompt(s) to generate completions for, encoded as a string, array of strings, array of tokens, or array of token arrays.
            echo: Echo back the prompt in addition to the completion
            frequency_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on their existing frequency in the text so far, decreasing the model's likelihood to repeat the same line verbatim.
            max_tokens: The maximum number of tokens that can be generated in the completion.
            presence_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on whether they appear in the text so far, increasing the model's likelihood to talk about new topics.
            seed: If specified, our system will make a best effort to sample deterministically, such that repeated requests with the same seed and parameters should return the same result.
            stop: Up to 4 sequences where the API will stop generating further tokens. The returned text will not contain the stop sequence.
            temperature: What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
            top_p: An alternative to sampling with temperature, called nucleus sampling, where the model considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising the top 10% probability mass are considered.
            n: How many completions to generate for each prompt. Note: Because this parameter generates many completions, it can quickly consume your token quota.
            user: A unique identifier representing your end-user, which can help OpenAI to monitor and detect abuse.
            name: The name to display on the trace. If not specified, the default system name will be used.
            fallbacks: Array of fallback models to use if primary model fails
            retry: Retry configuration for the request
            cache: Cache configuration for the request.
            load_balancer: Load balancer configuration for the request.
            timeout: Timeout configuration to apply to the request. If the request exceeds the timeout, it will be retried or fallback to the next model if configured.
            thinking: Thinking configuration: disabled, enabled (with a token budget) or adaptive. The members' fields are inferred from seed 002's thinking object and the members' names.
            orq: Leverage Orq's intelligent routing capabilities to enhance your AI application with enterprise-grade reliability and observability. Orq provides automatic request management including retries on failures, model fallbacks for high availability, identity-level analytics tracking, conversation threading, and dynamic prompt templating with variable substitution. (deprecated)
        """
        if orq is not UNSET:
            warnings.warn("router.completions.create(orq=...): `orq` is deprecated.", DeprecationWarning, stacklevel=2)
        body = build_model(
            models.CreateCompletionRequestBody,
            {
                "model": model,
                "prompt": prompt,
                "echo": echo,
                "frequency_penalty": frequency_penalty,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "seed": seed,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "user": user,
                "name": name,
                "fallbacks": fallbacks,
                "retry": retry,
                "cache": cache,
                "load_balancer": load_balancer,
                "timeout": timeout,
                "thinking": thinking,
                "orq": orq,
                "stream": stream,
            },
            "createCompletion",
        )
        result = self._client._call(
            _CREATE,
            body=body,
            stream=stream is True,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        return cast(
            "models.CreateCompletionResponseBody | DeltaEventStream[models.CreateCompletionChunk, models.CreateCompletionResponseBody]",
            result,
        )

    @overload
    async def create_async(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> models.CreateCompletionResponseBody: ...

    @overload
    async def create_async(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[True],
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> DeltaEventStreamAsync[models.CreateCompletionChunk, models.CreateCompletionResponseBody]: ...

    @overload
    async def create_async(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateCompletionResponseBody
        | DeltaEventStreamAsync[models.CreateCompletionChunk, models.CreateCompletionResponseBody]
    ): ...

    async def create_async(
        self,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateCompletionResponseBody
        | DeltaEventStreamAsync[models.CreateCompletionChunk, models.CreateCompletionResponseBody]
    ):
        """Create completion

        For sending requests to legacy completion models

        `POST /v2/router/completions`

        Args:
            model: ID of the model to use
            prompt: The prompt(s) to generate completions for, encoded as a string, array of strings, array of tokens, or array of token arrays.
            echo: Echo back the prompt in addition to the completion
            frequency_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on their existing frequency in the text so far, decreasing the model's likelihood to repeat the same line verbatim.
            max_tokens: The maximum number of tokens that can be generated in the completion.
            presence_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on whether they appear in the text so far, increasing the model's likelihood to talk about new topics.
            seed: If specified, our system will make a best effort to sample deterministically, such that repeated requests with the same seed and parameters should return the same result.
            stop: Up to 4 sequences where the API will stop generating further tokens. The returned text will not contain the stop sequence.
            temperature: What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
            top_p: An alternative to sampling with temperature, called nucleus sampling, where the model considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising the top 10% probability mass are considered.
            n: How many completions to generate for each prompt. Note: Because this parameter generates many completions, it can quickly consume your token quota.
            user: A unique identifier representing your end-user, which can help OpenAI to monitor and detect abuse.
            name: The name to display on the trace. If not specified, the default system name will be used.
            fallbacks: Array of fallback models to use if primary model fails
            retry: Retry configuration for the request
            cache: Cache configuration for the request.
            load_balancer: Load balancer configuration for the request.
            timeout: Timeout configuration to apply to the request. If the request exceeds the timeout, it will be retried or fallback to the next model if configured.
            thinking: Thinking configuration: disabled, enabled (with a token budget) or adaptive. The members' fields are inferred from seed 002's thinking object and the members' names.
            orq: Leverage Orq's intelligent routing capabilities to enhance your AI application with enterprise-grade reliability and observability. Orq provides automatic request management including retries on failures, model fallbacks for high availability, identity-level analytics tracking, conversation threading, and dynamic prompt templating with variable substitution. (deprecated)
        """
        if orq is not UNSET:
            warnings.warn(
                "router.completions.create_async(orq=...): `orq` is deprecated.", DeprecationWarning, stacklevel=2
            )
        body = build_model(
            models.CreateCompletionRequestBody,
            {
                "model": model,
                "prompt": prompt,
                "echo": echo,
                "frequency_penalty": frequency_penalty,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "seed": seed,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "user": user,
                "name": name,
                "fallbacks": fallbacks,
                "retry": retry,
                "cache": cache,
                "load_balancer": load_balancer,
                "timeout": timeout,
                "thinking": thinking,
                "orq": orq,
                "stream": stream,
            },
            "createCompletion",
        )
        result = await self._client._call_async(
            _CREATE,
            body=body,
            stream=stream is True,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        return cast(
            "models.CreateCompletionResponseBody | DeltaEventStreamAsync[models.CreateCompletionChunk, models.CreateCompletionResponseBody]",
            result,
        )


# A ParamSpec wrapper sees only the first overload of a method: the views wrap these signatures instead.
if TYPE_CHECKING:

    def _create_typed(
        self: Any,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateCompletionResponseBody
        | DeltaEventStream[models.CreateCompletionChunk, models.CreateCompletionResponseBody]
    ): ...

    async def _create_async_typed(
        self: Any,
        *,
        model: str,
        prompt: str,
        echo: bool | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateCompletionStop | models.CreateCompletionStopTypedDict | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        n: float | None | Unset = UNSET,
        user: str | Unset = UNSET,
        name: str | Unset = UNSET,
        fallbacks: list[models.CreateCompletionFallbacks | models.CreateCompletionFallbacksTypedDict] | Unset = UNSET,
        retry: models.CreateCompletionRetry | models.CreateCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateCompletionCache | models.CreateCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateCompletionLoadBalancer
        | models.CreateCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateCompletionTimeout | models.CreateCompletionTimeoutTypedDict | Unset = UNSET,
        thinking: models.CreateCompletionThinking | models.CreateCompletionThinkingTypedDict | Unset = UNSET,
        orq: models.CreateCompletionOrq | models.CreateCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateCompletionResponseBody
        | DeltaEventStreamAsync[models.CreateCompletionChunk, models.CreateCompletionResponseBody]
    ): ...

else:
    _create_typed, _create_async_typed = RouterCompletions.create, RouterCompletions.create_async


class RouterCompletionsWithRawResponse(ResourceView["RouterCompletions"]):
    """`orq.router.completions` answering with `APIResponse` objects."""

    create = raw_response(_create_typed)
    create_async = raw_response_async(_create_async_typed)


class RouterCompletionsWithStreamingResponse(ResourceView["RouterCompletions"]):
    """`orq.router.completions` as context managers that leave the body unread."""

    create = streamed_response(_create_typed)
    create_async = streamed_response_async(_create_async_typed)
