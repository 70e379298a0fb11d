"""Operations of `orq.router.chat.completions`."""

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
    operation_id="createChatCompletion",
    method="POST",
    path="/v2/router/chat/completions",
    response_kind="json",
    response_type=lambda: models.CreateChatCompletionResponseBody,
    request_content_type="application/json",
    stream_type=lambda: models.CreateChatCompletionChunk,
    sentinel="[DONE]",
    envelope=True,
    accumulate=DeltaShape(
        delta="delta",
        message="message",
        text="content",
        constants={"object": "chat.completion"},
        message_constants={"role": "assistant"},
    ),
)


class RouterChatCompletions:
    """Operations of `orq.router.chat.completions`."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> RouterChatCompletionsWithRawResponse:
        """The same methods, answering with an `APIResponse`: `status_code`, `headers`, `parse()`."""
        return RouterChatCompletionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> RouterChatCompletionsWithStreamingResponse:
        """The same methods as context managers that leave the body unread (`iter_bytes()`, `write_to_file()`)."""
        return RouterChatCompletionsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> models.CreateChatCompletionResponseBody: ...

    @overload
    def create(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[True],
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> DeltaEventStream[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]: ...

    @overload
    def create(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateChatCompletionResponseBody
        | DeltaEventStream[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]
    ): ...

    def create(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateChatCompletionResponseBody
        | DeltaEventStream[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]
    ):
        """Create chat completion

        Creates a model response for the given chat conversation with support for retries, fallbacks, prompts, and variables.

        Note: the path is inferred. Seed 000 (SDK reference of `orq.router.chat.completions.create`) does not show it; it is inferred from the path of `orq.router.completions.create` of the same API version (`/v2/router/completions`, seed 003).

        `POST /v2/router/chat/completions`

        Args:
            messages: A list of messages comprising the conversation so far.
            model: Model ID used to generate the response, like `openai/gpt-4o` or `anthropic/claude-haiku-4-5-20251001`. The AI Gateway offers a wide range of models with different capabilities, performance characteristics, and price points. Refer to the (Supported models)[/docs/proxy/supported-models] to browse available models.
            metadata: Set of 16 key-value pairs that can be attached to an object. This can be useful for storing additional information about the object in a structured format. Keys can have a maximum length of 64 characters and values can have a maximum length of 512 characters.
            name: The name to display on the trace. If not specified, the default system name will be used.
            audio: Parameters for audio output. Required when audio output is requested with modalities: ["audio"]. Learn more.
            frequency_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on their existing frequency in the text so far, decreasing the model's likelihood to repeat the same line verbatim.
            max_tokens: `[Deprecated]`. The maximum number of tokens that can be generated in the chat completion. This value can be used to control costs for text generated via API.

                This value is now `deprecated` in favor of `max_completion_tokens`, and is not compatible with o1 series models. (deprecated)
            max_completion_tokens: An upper bound for the number of tokens that can be generated for a completion, including visible output tokens and reasoning tokens
            logprobs: Whether to return log probabilities of the output tokens or not. If true, returns the log probabilities of each output token returned in the content of message.
            top_logprobs: An integer between 0 and 20 specifying the number of most likely tokens to return at each token position, each with an associated log probability. logprobs must be set to true if this parameter is used.
            n: How many chat completion choices to generate for each input message. Note that you will be charged based on the number of generated tokens across all of the choices. Keep n as 1 to minimize costs.
            presence_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on whether they appear in the text so far, increasing the model's likelihood to talk about new topics.
            response_format: An object specifying the format that the model must output
            reasoning_effort: Constrains effort on reasoning for [reasoning models](https://platform.openai.com/docs/guides/reasoning). Currently supported values are `none`, `minimal`, `low`, `medium`, `high`, and `xhigh`. Reducing reasoning effort can result in faster responses and fewer tokens used on reasoning in a response.

                - `gpt-5.1` defaults to `none`, which does not perform reasoning. The supported reasoning values for `gpt-5.1` are `none`, `low`, `medium`, and `high`. Tool calls are supported for all reasoning values in gpt-5.1.
                - All models before `gpt-5.1` default to `medium` reasoning effort, and do not support `none`.
                - The `gpt-5-pro` model defaults to (and only supports) `high` reasoning effort.
                - `xhigh` is currently only supported for `gpt-5.1-codex-max`.

                Any of "none", "minimal", "low", "medium", "high", "xhigh".
            verbosity: Adjusts response verbosity. Lower levels yield shorter answers.
            seed: If specified, our system will make a best effort to sample deterministically, such that repeated requests with the same seed and parameters should return the same result.
            stop: Up to 4 sequences where the API will stop generating further tokens.
            stream_options: Options for streaming response. Only set this when you set stream: true.
            temperature: What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
            top_p: An alternative to sampling with temperature, called nucleus sampling, where the model considers the results of the tokens with top_p probability mass.
            top_k: Limits the model to consider only the top k most likely tokens at each step.
            tools: A list of tools the model may call.
            tool_choice: Controls which (if any) tool is called by the model.
            parallel_tool_calls: Whether to enable parallel function calling during tool use.
            modalities: Output types that you would like the model to generate. Most models are capable of generating text, which is the default: ["text"]. The gpt-4o-audio-preview model can also be used to generate audio. To request that this model generate both text and audio responses, you can use: ["text", "audio"].
            guardrails: A list of guardrails to apply to the request.
            fallbacks: Array of fallback models to use if primary model fails
            retry: Retry configuration for the request
            cache: Cache configuration for the request.
            load_balancer: Load balancer configuration for the request.
            timeout: Timeout configuration to apply to the request. If the request exceeds the timeout, it will be retried or fallback to the next model if configured.
            variables: Variables to substitute in message templates. Uses f-string syntax ({{variableName}}) by default. For advanced templating with Jinja or Mustache syntax, use in conjunction with template_engine.
            orq: Leverage Orq's intelligent routing capabilities to enhance your AI application with enterprise-grade reliability and observability. Orq provides automatic request management including retries on failures, model fallbacks for high availability, identity-level analytics tracking, conversation threading, and dynamic prompt templating with variable substitution. (deprecated)
        """
        if max_tokens is not UNSET:
            warnings.warn(
                "router.chat.completions.create(max_tokens=...): `max_tokens` is deprecated.",
                DeprecationWarning,
                stacklevel=2,
            )
        if orq is not UNSET:
            warnings.warn(
                "router.chat.completions.create(orq=...): `orq` is deprecated.", DeprecationWarning, stacklevel=2
            )
        body = build_model(
            models.CreateChatCompletionRequestBody,
            {
                "messages": messages,
                "model": model,
                "metadata": metadata,
                "name": name,
                "audio": audio,
                "frequency_penalty": frequency_penalty,
                "max_tokens": max_tokens,
                "max_completion_tokens": max_completion_tokens,
                "logprobs": logprobs,
                "top_logprobs": top_logprobs,
                "n": n,
                "presence_penalty": presence_penalty,
                "response_format": response_format,
                "reasoning_effort": reasoning_effort,
                "verbosity": verbosity,
                "seed": seed,
                "stop": stop,
                "stream_options": stream_options,
                "thinking": thinking,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "tools": tools,
                "tool_choice": tool_choice,
                "parallel_tool_calls": parallel_tool_calls,
                "modalities": modalities,
                "guardrails": guardrails,
                "fallbacks": fallbacks,
                "retry": retry,
                "cache": cache,
                "load_balancer": load_balancer,
                "timeout": timeout,
                "variables": variables,
                "orq": orq,
                "stream": stream,
            },
            "createChatCompletion",
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
            "models.CreateChatCompletionResponseBody | DeltaEventStream[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]",
            result,
        )

    @overload
    async def create_async(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> models.CreateChatCompletionResponseBody: ...

    @overload
    async def create_async(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: Literal[True],
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> DeltaEventStreamAsync[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]: ...

    @overload
    async def create_async(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateChatCompletionResponseBody
        | DeltaEventStreamAsync[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]
    ): ...

    async def create_async(
        self,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateChatCompletionResponseBody
        | DeltaEventStreamAsync[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]
    ):
        """Create chat completion

        Creates a model response for the given chat conversation with support for retries, fallbacks, prompts, and variables.

        Note: the path is inferred. Seed 000 (SDK reference of `orq.router.chat.completions.create`) does not show it; it is inferred from the path of `orq.router.completions.create` of the same API version (`/v2/router/completions`, seed 003).

        `POST /v2/router/chat/completions`

        Args:
            messages: A list of messages comprising the conversation so far.
            model: Model ID used to generate the response, like `openai/gpt-4o` or `anthropic/claude-haiku-4-5-20251001`. The AI Gateway offers a wide range of models with different capabilities, performance characteristics, and price points. Refer to the (Supported models)[/docs/proxy/supported-models] to browse available models.
            metadata: Set of 16 key-value pairs that can be attached to an object. This can be useful for storing additional information about the object in a structured format. Keys can have a maximum length of 64 characters and values can have a maximum length of 512 characters.
            name: The name to display on the trace. If not specified, the default system name will be used.
            audio: Parameters for audio output. Required when audio output is requested with modalities: ["audio"]. Learn more.
            frequency_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on their existing frequency in the text so far, decreasing the model's likelihood to repeat the same line verbatim.
            max_tokens: `[Deprecated]`. The maximum number of tokens that can be generated in the chat completion. This value can be used to control costs for text generated via API.

                This value is now `deprecated` in favor of `max_completion_tokens`, and is not compatible with o1 series models. (deprecated)
            max_completion_tokens: An upper bound for the number of tokens that can be generated for a completion, including visible output tokens and reasoning tokens
            logprobs: Whether to return log probabilities of the output tokens or not. If true, returns the log probabilities of each output token returned in the content of message.
            top_logprobs: An integer between 0 and 20 specifying the number of most likely tokens to return at each token position, each with an associated log probability. logprobs must be set to true if this parameter is used.
            n: How many chat completion choices to generate for each input message. Note that you will be charged based on the number of generated tokens across all of the choices. Keep n as 1 to minimize costs.
            presence_penalty: Number between -2.0 and 2.0. Positive values penalize new tokens based on whether they appear in the text so far, increasing the model's likelihood to talk about new topics.
            response_format: An object specifying the format that the model must output
            reasoning_effort: Constrains effort on reasoning for [reasoning models](https://platform.openai.com/docs/guides/reasoning). Currently supported values are `none`, `minimal`, `low`, `medium`, `high`, and `xhigh`. Reducing reasoning effort can result in faster responses and fewer tokens used on reasoning in a response.

                - `gpt-5.1` defaults to `none`, which does not perform reasoning. The supported reasoning values for `gpt-5.1` are `none`, `low`, `medium`, and `high`. Tool calls are supported for all reasoning values in gpt-5.1.
                - All models before `gpt-5.1` default to `medium` reasoning effort, and do not support `none`.
                - The `gpt-5-pro` model defaults to (and only supports) `high` reasoning effort.
                - `xhigh` is currently only supported for `gpt-5.1-codex-max`.

                Any of "none", "minimal", "low", "medium", "high", "xhigh".
            verbosity: Adjusts response verbosity. Lower levels yield shorter answers.
            seed: If specified, our system will make a best effort to sample deterministically, such that repeated requests with the same seed and parameters should return the same result.
            stop: Up to 4 sequences where the API will stop generating further tokens.
            stream_options: Options for streaming response. Only set this when you set stream: true.
            temperature: What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
            top_p: An alternative to sampling with temperature, called nucleus sampling, where the model considers the results of the tokens with top_p probability mass.
            top_k: Limits the model to consider only the top k most likely tokens at each step.
            tools: A list of tools the model may call.
            tool_choice: Controls which (if any) tool is called by the model.
            parallel_tool_calls: Whether to enable parallel function calling during tool use.
            modalities: Output types that you would like the model to generate. Most models are capable of generating text, which is the default: ["text"]. The gpt-4o-audio-preview model can also be used to generate audio. To request that this model generate both text and audio responses, you can use: ["text", "audio"].
            guardrails: A list of guardrails to apply to the request.
            fallbacks: Array of fallback models to use if primary model fails
            retry: Retry configuration for the request
            cache: Cache configuration for the request.
            load_balancer: Load balancer configuration for the request.
            timeout: Timeout configuration to apply to the request. If the request exceeds the timeout, it will be retried or fallback to the next model if configured.
            variables: Variables to substitute in message templates. Uses f-string syntax ({{variableName}}) by default. For advanced templating with Jinja or Mustache syntax, use in conjunction with template_engine.
            orq: Leverage Orq's intelligent routing capabilities to enhance your AI application with enterprise-grade reliability and observability. Orq provides automatic request management including retries on failures, model fallbacks for high availability, identity-level analytics tracking, conversation threading, and dynamic prompt templating with variable substitution. (deprecated)
        """
        if max_tokens is not UNSET:
            warnings.warn(
                "router.chat.completions.create_async(max_tokens=...): `max_tokens` is deprecated.",
                DeprecationWarning,
                stacklevel=2,
            )
        if orq is not UNSET:
            warnings.warn(
                "router.chat.completions.create_async(orq=...): `orq` is deprecated.", DeprecationWarning, stacklevel=2
            )
        body = build_model(
            models.CreateChatCompletionRequestBody,
            {
                "messages": messages,
                "model": model,
                "metadata": metadata,
                "name": name,
                "audio": audio,
                "frequency_penalty": frequency_penalty,
                "max_tokens": max_tokens,
                "max_completion_tokens": max_completion_tokens,
                "logprobs": logprobs,
                "top_logprobs": top_logprobs,
                "n": n,
                "presence_penalty": presence_penalty,
                "response_format": response_format,
                "reasoning_effort": reasoning_effort,
                "verbosity": verbosity,
                "seed": seed,
                "stop": stop,
                "stream_options": stream_options,
                "thinking": thinking,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "tools": tools,
                "tool_choice": tool_choice,
                "parallel_tool_calls": parallel_tool_calls,
                "modalities": modalities,
                "guardrails": guardrails,
                "fallbacks": fallbacks,
                "retry": retry,
                "cache": cache,
                "load_balancer": load_balancer,
                "timeout": timeout,
                "variables": variables,
                "orq": orq,
                "stream": stream,
            },
            "createChatCompletion",
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
            "models.CreateChatCompletionResponseBody | DeltaEventStreamAsync[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]",
            result,
        )


# A ParamSpec wrapper sees only the first overload of a method: the views wrap these signatures instead.
if TYPE_CHECKING:

    def _create_typed(
        self: Any,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateChatCompletionResponseBody
        | DeltaEventStream[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]
    ): ...

    async def _create_async_typed(
        self: Any,
        *,
        messages: list[models.CreateChatCompletionMessages | models.CreateChatCompletionMessagesTypedDict],
        model: str,
        metadata: dict[str, str] | Unset = UNSET,
        name: str | Unset = UNSET,
        audio: models.CreateChatCompletionAudio | models.CreateChatCompletionAudioTypedDict | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        response_format: models.CreateChatCompletionResponseFormat
        | models.CreateChatCompletionResponseFormatTypedDict
        | Unset = UNSET,
        reasoning_effort: models.CreateChatCompletionReasoningEffort
        | models.CreateChatCompletionReasoningEffortTypedDict
        | Unset = UNSET,
        verbosity: str | Unset = UNSET,
        seed: float | None | Unset = UNSET,
        stop: models.CreateChatCompletionStop | models.CreateChatCompletionStopTypedDict | None | Unset = UNSET,
        stream_options: models.CreateChatCompletionStreamOptions
        | models.CreateChatCompletionStreamOptionsTypedDict
        | None
        | Unset = UNSET,
        thinking: models.CreateChatCompletionThinking | models.CreateChatCompletionThinkingTypedDict | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: float | None | Unset = UNSET,
        tools: list[models.CreateChatCompletionTools | models.CreateChatCompletionToolsTypedDict] | Unset = UNSET,
        tool_choice: models.CreateChatCompletionToolChoice
        | models.CreateChatCompletionToolChoiceTypedDict
        | Unset = UNSET,
        parallel_tool_calls: bool | Unset = UNSET,
        modalities: list[models.CreateChatCompletionModalities | models.CreateChatCompletionModalitiesTypedDict]
        | Unset = UNSET,
        guardrails: list[models.CreateChatCompletionGuardrails | models.CreateChatCompletionGuardrailsTypedDict]
        | Unset = UNSET,
        fallbacks: list[models.CreateChatCompletionFallbacks | models.CreateChatCompletionFallbacksTypedDict]
        | Unset = UNSET,
        retry: models.CreateChatCompletionRetry | models.CreateChatCompletionRetryTypedDict | Unset = UNSET,
        cache: models.CreateChatCompletionCache | models.CreateChatCompletionCacheTypedDict | Unset = UNSET,
        load_balancer: models.CreateChatCompletionLoadBalancer
        | models.CreateChatCompletionLoadBalancerTypedDict
        | Unset = UNSET,
        timeout: models.CreateChatCompletionTimeout | models.CreateChatCompletionTimeoutTypedDict | Unset = UNSET,
        variables: dict[str, Any] | Unset = UNSET,
        orq: models.CreateChatCompletionOrq | models.CreateChatCompletionOrqTypedDict | Unset = UNSET,
        stream: bool | Unset = UNSET,
        retries: RetryConfig | None | Unset = UNSET,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
    ) -> (
        models.CreateChatCompletionResponseBody
        | DeltaEventStreamAsync[models.CreateChatCompletionChunk, models.CreateChatCompletionResponseBody]
    ): ...

else:
    _create_typed, _create_async_typed = RouterChatCompletions.create, RouterChatCompletions.create_async


class RouterChatCompletionsWithRawResponse(ResourceView["RouterChatCompletions"]):
    """`orq.router.chat.completions` answering with `APIResponse` objects."""

    create = raw_response(_create_typed)
    create_async = raw_response_async(_create_async_typed)


class RouterChatCompletionsWithStreamingResponse(ResourceView["RouterChatCompletions"]):
    """`orq.router.chat.completions` as context managers that leave the body unread."""

    create = streamed_response(_create_typed)
    create_async = streamed_response_async(_create_async_typed)
