"""The API's data models (pydantic) and their TypedDict twins, plus the error classes.

Each group of models lives in a module of its own, imported on first use of one of its names
(`_dynamic_imports`): using a model loads only the modules its types need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..errors import (
        APIConnectionError,
        APIError,
        APITimeoutError,
        MissingCredentialsError,
        PaginationError,
        RequestValidationError,
        ResponseValidationError,
        SDKError,
        StreamError,
        TokenError,
        TypedAPIError,
    )
    from .background import Background, BackgroundTypedDict
    from .create_chat_completion_agentic_rag_config import (
        CreateChatCompletionAgenticRagConfig,
        CreateChatCompletionAgenticRagConfigTypedDict,
    )
    from .create_chat_completion_assistant_message_audio import (
        CreateChatCompletionAssistantMessageAudio,
        CreateChatCompletionAssistantMessageAudioTypedDict,
    )
    from .create_chat_completion_assistant_message_content import (
        CreateChatCompletionAssistantMessageContent,
        CreateChatCompletionAssistantMessageContentTypedDict,
    )
    from .create_chat_completion_audio import CreateChatCompletionAudio, CreateChatCompletionAudioTypedDict
    from .create_chat_completion_cache import CreateChatCompletionCache, CreateChatCompletionCacheTypedDict
    from .create_chat_completion_choices import CreateChatCompletionChoices, CreateChatCompletionChoicesTypedDict
    from .create_chat_completion_chunk import CreateChatCompletionChunk, CreateChatCompletionChunkTypedDict
    from .create_chat_completion_chunk_choices import (
        CreateChatCompletionChunkChoices,
        CreateChatCompletionChunkChoicesTypedDict,
    )
    from .create_chat_completion_chunk_delta import (
        CreateChatCompletionChunkDelta,
        CreateChatCompletionChunkDeltaTypedDict,
    )
    from .create_chat_completion_chunk_function import (
        CreateChatCompletionChunkFunction,
        CreateChatCompletionChunkFunctionTypedDict,
    )
    from .create_chat_completion_chunk_tool_calls import (
        CreateChatCompletionChunkToolCalls,
        CreateChatCompletionChunkToolCallsTypedDict,
    )
    from .create_chat_completion_completion_tokens_details import (
        CreateChatCompletionCompletionTokensDetails,
        CreateChatCompletionCompletionTokensDetailsTypedDict,
    )
    from .create_chat_completion_contact import CreateChatCompletionContact, CreateChatCompletionContactTypedDict
    from .create_chat_completion_developer_message_content import (
        CreateChatCompletionDeveloperMessageContent,
        CreateChatCompletionDeveloperMessageContentTypedDict,
    )
    from .create_chat_completion_fallbacks import CreateChatCompletionFallbacks, CreateChatCompletionFallbacksTypedDict
    from .create_chat_completion_file import CreateChatCompletionFile, CreateChatCompletionFileTypedDict
    from .create_chat_completion_file_content_part import (
        CreateChatCompletionAssistantContentPart,
        CreateChatCompletionAssistantContentPartTypedDict,
        CreateChatCompletionFileContentPart,
        CreateChatCompletionFileContentPartTypedDict,
        CreateChatCompletionImageUrlContentPart,
        CreateChatCompletionImageUrlContentPartTypedDict,
        CreateChatCompletionInputAudioContentPart,
        CreateChatCompletionInputAudioContentPartTypedDict,
        CreateChatCompletionRefusalContentPart,
        CreateChatCompletionRefusalContentPartTypedDict,
        CreateChatCompletionTextContentPart,
        CreateChatCompletionTextContentPartTypedDict,
        CreateChatCompletionUserContentPart,
        CreateChatCompletionUserContentPartTypedDict,
    )
    from .create_chat_completion_filter_by import CreateChatCompletionFilterBy, CreateChatCompletionFilterByTypedDict
    from .create_chat_completion_filter_by1 import CreateChatCompletionFilterBy1, CreateChatCompletionFilterBy1TypedDict
    from .create_chat_completion_filter_by_and import (
        CreateChatCompletionFilterByAnd,
        CreateChatCompletionFilterByAndTypedDict,
    )
    from .create_chat_completion_filter_by_or import (
        CreateChatCompletionFilterByOr,
        CreateChatCompletionFilterByOrTypedDict,
    )
    from .create_chat_completion_finish_reason import (
        CreateChatCompletionFinishReason,
        CreateChatCompletionFinishReasonTypedDict,
    )
    from .create_chat_completion_format import CreateChatCompletionFormat, CreateChatCompletionFormatTypedDict
    from .create_chat_completion_function import CreateChatCompletionFunction, CreateChatCompletionFunctionTypedDict
    from .create_chat_completion_guardrails import (
        CreateChatCompletionGuardrails,
        CreateChatCompletionGuardrailsTypedDict,
    )
    from .create_chat_completion_identity import CreateChatCompletionIdentity, CreateChatCompletionIdentityTypedDict
    from .create_chat_completion_image_url import CreateChatCompletionImageUrl, CreateChatCompletionImageUrlTypedDict
    from .create_chat_completion_image_url_detail import (
        CreateChatCompletionImageUrlDetail,
        CreateChatCompletionImageUrlDetailTypedDict,
    )
    from .create_chat_completion_input_audio import (
        CreateChatCompletionInputAudio,
        CreateChatCompletionInputAudioTypedDict,
    )
    from .create_chat_completion_input_audio_format import (
        CreateChatCompletionInputAudioFormat,
        CreateChatCompletionInputAudioFormatTypedDict,
    )
    from .create_chat_completion_inputs import CreateChatCompletionInputs, CreateChatCompletionInputsTypedDict
    from .create_chat_completion_inputs2 import CreateChatCompletionInputs2, CreateChatCompletionInputs2TypedDict
    from .create_chat_completion_json_schema import (
        CreateChatCompletionJsonSchema,
        CreateChatCompletionJsonSchemaTypedDict,
    )
    from .create_chat_completion_knowledge_bases import (
        CreateChatCompletionKnowledgeBases,
        CreateChatCompletionKnowledgeBasesTypedDict,
    )
    from .create_chat_completion_load_balancer import (
        CreateChatCompletionLoadBalancer,
        CreateChatCompletionLoadBalancerTypedDict,
    )
    from .create_chat_completion_load_balancer1 import (
        CreateChatCompletionLoadBalancer1,
        CreateChatCompletionLoadBalancer1TypedDict,
    )
    from .create_chat_completion_load_balancer_models import (
        CreateChatCompletionLoadBalancerModels,
        CreateChatCompletionLoadBalancerModelsTypedDict,
    )
    from .create_chat_completion_logprobs import CreateChatCompletionLogprobs, CreateChatCompletionLogprobsTypedDict
    from .create_chat_completion_logprobs_content import (
        CreateChatCompletionLogprobsContent,
        CreateChatCompletionLogprobsContentTypedDict,
    )
    from .create_chat_completion_logprobs_refusal import (
        CreateChatCompletionLogprobsRefusal,
        CreateChatCompletionLogprobsRefusalTypedDict,
    )
    from .create_chat_completion_message import CreateChatCompletionMessage, CreateChatCompletionMessageTypedDict
    from .create_chat_completion_message_audio import (
        CreateChatCompletionMessageAudio,
        CreateChatCompletionMessageAudioTypedDict,
    )
    from .create_chat_completion_messages import (
        CreateChatCompletionAssistantMessage,
        CreateChatCompletionAssistantMessageTypedDict,
        CreateChatCompletionDeveloperMessage,
        CreateChatCompletionDeveloperMessageTypedDict,
        CreateChatCompletionMessages,
        CreateChatCompletionMessagesTypedDict,
        CreateChatCompletionSystemMessage,
        CreateChatCompletionSystemMessageTypedDict,
        CreateChatCompletionToolMessage,
        CreateChatCompletionToolMessageTypedDict,
        CreateChatCompletionUserMessage,
        CreateChatCompletionUserMessageTypedDict,
    )
    from .create_chat_completion_modalities import (
        CreateChatCompletionModalities,
        CreateChatCompletionModalitiesTypedDict,
    )
    from .create_chat_completion_orq import CreateChatCompletionOrq, CreateChatCompletionOrqTypedDict
    from .create_chat_completion_orq_cache import CreateChatCompletionOrqCache, CreateChatCompletionOrqCacheTypedDict
    from .create_chat_completion_orq_fallbacks import (
        CreateChatCompletionOrqFallbacks,
        CreateChatCompletionOrqFallbacksTypedDict,
    )
    from .create_chat_completion_orq_load_balancer import (
        CreateChatCompletionOrqLoadBalancer,
        CreateChatCompletionOrqLoadBalancerTypedDict,
    )
    from .create_chat_completion_orq_load_balancer1 import (
        CreateChatCompletionOrqLoadBalancer1,
        CreateChatCompletionOrqLoadBalancer1TypedDict,
    )
    from .create_chat_completion_orq_load_balancer_models import (
        CreateChatCompletionOrqLoadBalancerModels,
        CreateChatCompletionOrqLoadBalancerModelsTypedDict,
    )
    from .create_chat_completion_orq_retry import CreateChatCompletionOrqRetry, CreateChatCompletionOrqRetryTypedDict
    from .create_chat_completion_orq_timeout import (
        CreateChatCompletionOrqTimeout,
        CreateChatCompletionOrqTimeoutTypedDict,
    )
    from .create_chat_completion_parameters import (
        CreateChatCompletionParameters,
        CreateChatCompletionParametersTypedDict,
    )
    from .create_chat_completion_prompt import CreateChatCompletionPrompt, CreateChatCompletionPromptTypedDict
    from .create_chat_completion_prompt_tokens_details import (
        CreateChatCompletionPromptTokensDetails,
        CreateChatCompletionPromptTokensDetailsTypedDict,
    )
    from .create_chat_completion_reasoning_effort import (
        CreateChatCompletionReasoningEffort,
        CreateChatCompletionReasoningEffortTypedDict,
    )
    from .create_chat_completion_request_body import (
        CreateChatCompletionRequestBody,
        CreateChatCompletionRequestBodyTypedDict,
        MetadataAdditionalProperty,
    )
    from .create_chat_completion_rerank_config import (
        CreateChatCompletionRerankConfig,
        CreateChatCompletionRerankConfigTypedDict,
    )
    from .create_chat_completion_response_body import (
        CreateChatCompletionResponseBody,
        CreateChatCompletionResponseBodyTypedDict,
    )
    from .create_chat_completion_response_format import (
        CreateChatCompletionResponseFormat,
        CreateChatCompletionResponseFormatJSONObject,
        CreateChatCompletionResponseFormatJSONObjectTypedDict,
        CreateChatCompletionResponseFormatJSONSchema,
        CreateChatCompletionResponseFormatJSONSchemaTypedDict,
        CreateChatCompletionResponseFormatText,
        CreateChatCompletionResponseFormatTextTypedDict,
        CreateChatCompletionResponseFormatTypedDict,
    )
    from .create_chat_completion_retry import CreateChatCompletionRetry, CreateChatCompletionRetryTypedDict
    from .create_chat_completion_search_options import (
        CreateChatCompletionSearchOptions,
        CreateChatCompletionSearchOptionsTypedDict,
    )
    from .create_chat_completion_search_type import (
        CreateChatCompletionSearchType,
        CreateChatCompletionSearchTypeTypedDict,
    )
    from .create_chat_completion_stop import (
        CreateChatCompletionStop,
        CreateChatCompletionStop1,
        CreateChatCompletionStopTypedDict,
    )
    from .create_chat_completion_stream_options import (
        CreateChatCompletionStreamOptions,
        CreateChatCompletionStreamOptionsTypedDict,
    )
    from .create_chat_completion_system_message_content import (
        CreateChatCompletionSystemMessageContent,
        CreateChatCompletionSystemMessageContentTypedDict,
    )
    from .create_chat_completion_thinking import CreateChatCompletionThinking, CreateChatCompletionThinkingTypedDict
    from .create_chat_completion_thinking_level import (
        CreateChatCompletionThinkingLevel,
        CreateChatCompletionThinkingLevelTypedDict,
    )
    from .create_chat_completion_thinking_type import (
        CreateChatCompletionThinkingType,
        CreateChatCompletionThinkingTypeTypedDict,
    )
    from .create_chat_completion_thread import CreateChatCompletionThread, CreateChatCompletionThreadTypedDict
    from .create_chat_completion_timeout import CreateChatCompletionTimeout, CreateChatCompletionTimeoutTypedDict
    from .create_chat_completion_tool_calls import CreateChatCompletionToolCalls, CreateChatCompletionToolCallsTypedDict
    from .create_chat_completion_tool_calls_function import (
        CreateChatCompletionToolCallsFunction,
        CreateChatCompletionToolCallsFunctionTypedDict,
    )
    from .create_chat_completion_tool_choice import (
        CreateChatCompletionToolChoice,
        CreateChatCompletionToolChoiceTypedDict,
    )
    from .create_chat_completion_tool_choice1 import (
        CreateChatCompletionToolChoice1,
        CreateChatCompletionToolChoice1TypedDict,
    )
    from .create_chat_completion_tool_choice2 import (
        CreateChatCompletionToolChoice2,
        CreateChatCompletionToolChoice2TypedDict,
    )
    from .create_chat_completion_tool_choice_function import (
        CreateChatCompletionToolChoiceFunction,
        CreateChatCompletionToolChoiceFunctionTypedDict,
    )
    from .create_chat_completion_tool_message_content import (
        CreateChatCompletionToolMessageContent,
        CreateChatCompletionToolMessageContentTypedDict,
    )
    from .create_chat_completion_tools import CreateChatCompletionTools, CreateChatCompletionToolsTypedDict
    from .create_chat_completion_tools_type import CreateChatCompletionToolsType, CreateChatCompletionToolsTypeTypedDict
    from .create_chat_completion_top_logprobs import (
        CreateChatCompletionTopLogprobs,
        CreateChatCompletionTopLogprobsTypedDict,
    )
    from .create_chat_completion_usage import CreateChatCompletionUsage, CreateChatCompletionUsageTypedDict
    from .create_chat_completion_user_message_content import (
        CreateChatCompletionUserMessageContent,
        CreateChatCompletionUserMessageContentTypedDict,
    )
    from .create_chat_completion_voice import CreateChatCompletionVoice, CreateChatCompletionVoiceTypedDict
    from .create_completion_agentic_rag_config import (
        CreateCompletionAgenticRagConfig,
        CreateCompletionAgenticRagConfigTypedDict,
    )
    from .create_completion_cache import CreateCompletionCache, CreateCompletionCacheTypedDict
    from .create_completion_choices import CreateCompletionChoices, CreateCompletionChoicesTypedDict
    from .create_completion_chunk import CreateCompletionChunk, CreateCompletionChunkTypedDict
    from .create_completion_chunk_choices import CreateCompletionChunkChoices, CreateCompletionChunkChoicesTypedDict
    from .create_completion_completion_tokens_details import (
        CreateCompletionCompletionTokensDetails,
        CreateCompletionCompletionTokensDetailsTypedDict,
    )
    from .create_completion_contact import CreateCompletionContact, CreateCompletionContactTypedDict
    from .create_completion_created import CreateCompletionCreated, CreateCompletionCreatedTypedDict
    from .create_completion_fallbacks import CreateCompletionFallbacks, CreateCompletionFallbacksTypedDict
    from .create_completion_filter_by import CreateCompletionFilterBy, CreateCompletionFilterByTypedDict
    from .create_completion_filter_by1 import CreateCompletionFilterBy1, CreateCompletionFilterBy1TypedDict
    from .create_completion_filter_by_and import CreateCompletionFilterByAnd, CreateCompletionFilterByAndTypedDict
    from .create_completion_filter_by_or import CreateCompletionFilterByOr, CreateCompletionFilterByOrTypedDict
    from .create_completion_finish_reason import CreateCompletionFinishReason, CreateCompletionFinishReasonTypedDict
    from .create_completion_identity import CreateCompletionIdentity, CreateCompletionIdentityTypedDict
    from .create_completion_inputs import CreateCompletionInputs, CreateCompletionInputsTypedDict
    from .create_completion_inputs2 import CreateCompletionInputs2, CreateCompletionInputs2TypedDict
    from .create_completion_knowledge_bases import (
        CreateCompletionKnowledgeBases,
        CreateCompletionKnowledgeBasesTypedDict,
    )
    from .create_completion_load_balancer import CreateCompletionLoadBalancer, CreateCompletionLoadBalancerTypedDict
    from .create_completion_load_balancer1 import CreateCompletionLoadBalancer1, CreateCompletionLoadBalancer1TypedDict
    from .create_completion_load_balancer_models import (
        CreateCompletionLoadBalancerModels,
        CreateCompletionLoadBalancerModelsTypedDict,
    )
    from .create_completion_load_balancer_router_completions1 import (
        CreateCompletionLoadBalancerRouterCompletions1,
        CreateCompletionLoadBalancerRouterCompletions1TypedDict,
    )
    from .create_completion_orq import CreateCompletionOrq, CreateCompletionOrqTypedDict
    from .create_completion_orq_cache import CreateCompletionOrqCache, CreateCompletionOrqCacheTypedDict
    from .create_completion_orq_fallbacks import CreateCompletionOrqFallbacks, CreateCompletionOrqFallbacksTypedDict
    from .create_completion_orq_load_balancer import (
        CreateCompletionOrqLoadBalancer,
        CreateCompletionOrqLoadBalancerTypedDict,
    )
    from .create_completion_orq_load_balancer_models import (
        CreateCompletionOrqLoadBalancerModels,
        CreateCompletionOrqLoadBalancerModelsTypedDict,
    )
    from .create_completion_orq_retry import CreateCompletionOrqRetry, CreateCompletionOrqRetryTypedDict
    from .create_completion_orq_timeout import CreateCompletionOrqTimeout, CreateCompletionOrqTimeoutTypedDict
    from .create_completion_prompt import CreateCompletionPrompt, CreateCompletionPromptTypedDict
    from .create_completion_prompt_tokens_details import (
        CreateCompletionPromptTokensDetails,
        CreateCompletionPromptTokensDetailsTypedDict,
    )
    from .create_completion_request_body import CreateCompletionRequestBody, CreateCompletionRequestBodyTypedDict
    from .create_completion_rerank_config import CreateCompletionRerankConfig, CreateCompletionRerankConfigTypedDict
    from .create_completion_response_body import CreateCompletionResponseBody, CreateCompletionResponseBodyTypedDict
    from .create_completion_retry import CreateCompletionRetry, CreateCompletionRetryTypedDict
    from .create_completion_search_options import CreateCompletionSearchOptions, CreateCompletionSearchOptionsTypedDict
    from .create_completion_search_type import CreateCompletionSearchType, CreateCompletionSearchTypeTypedDict
    from .create_completion_stop import CreateCompletionStop, CreateCompletionStop1, CreateCompletionStopTypedDict
    from .create_completion_thinking import (
        CreateCompletionThinking,
        CreateCompletionThinkingTypedDict,
        ThinkingConfigAdaptiveSchema,
        ThinkingConfigAdaptiveSchemaTypedDict,
        ThinkingConfigDisabledSchema,
        ThinkingConfigDisabledSchemaTypedDict,
        ThinkingConfigEnabledSchema,
        ThinkingConfigEnabledSchemaTypedDict,
    )
    from .create_completion_thread import CreateCompletionThread, CreateCompletionThreadTypedDict
    from .create_completion_timeout import CreateCompletionTimeout, CreateCompletionTimeoutTypedDict
    from .create_completion_usage import CreateCompletionUsage, CreateCompletionUsageTypedDict
    from .create_image_cache import CreateImageCache, CreateImageCacheTypedDict
    from .create_image_contact import CreateImageContact, CreateImageContactTypedDict
    from .create_image_data import CreateImageData, CreateImageDataTypedDict
    from .create_image_fallbacks import CreateImageFallbacks, CreateImageFallbacksTypedDict
    from .create_image_identity import CreateImageIdentity, CreateImageIdentityTypedDict
    from .create_image_load_balancer import CreateImageLoadBalancer, CreateImageLoadBalancerTypedDict
    from .create_image_orq import CreateImageOrq, CreateImageOrqTypedDict
    from .create_image_request_body import CreateImageRequestBody, CreateImageRequestBodyTypedDict
    from .create_image_response_body import CreateImageResponseBody, CreateImageResponseBodyTypedDict
    from .create_image_response_format import CreateImageResponseFormat, CreateImageResponseFormatTypedDict
    from .create_image_retry import CreateImageRetry, CreateImageRetryTypedDict
    from .create_image_timeout import CreateImageTimeout, CreateImageTimeoutTypedDict
    from .moderation import Moderation, ModerationTypedDict
    from .output_format import OutputFormat, OutputFormatTypedDict
    from .quality import Quality, QualityTypedDict
    from .style import Style, StyleTypedDict
    from .thinking_config_enabled_schema_thinking_level import (
        ThinkingConfigEnabledSchemaThinkingLevel,
        ThinkingConfigEnabledSchemaThinkingLevelTypedDict,
    )

# Public name -> the module that defines it, relative to this package.
_dynamic_imports: dict[str, str] = {
    "SDKError": "..errors",
    "APIError": "..errors",
    "TypedAPIError": "..errors",
    "ResponseValidationError": "..errors",
    "RequestValidationError": "..errors",
    "APIConnectionError": "..errors",
    "APITimeoutError": "..errors",
    "StreamError": "..errors",
    "PaginationError": "..errors",
    "MissingCredentialsError": "..errors",
    "TokenError": "..errors",
    "Background": ".background",
    "BackgroundTypedDict": ".background",
    "CreateChatCompletionAgenticRagConfig": ".create_chat_completion_agentic_rag_config",
    "CreateChatCompletionAgenticRagConfigTypedDict": ".create_chat_completion_agentic_rag_config",
    "CreateChatCompletionAssistantContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionAssistantContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionAssistantMessage": ".create_chat_completion_messages",
    "CreateChatCompletionAssistantMessageAudio": ".create_chat_completion_assistant_message_audio",
    "CreateChatCompletionAssistantMessageAudioTypedDict": ".create_chat_completion_assistant_message_audio",
    "CreateChatCompletionAssistantMessageContent": ".create_chat_completion_assistant_message_content",
    "CreateChatCompletionAssistantMessageContentTypedDict": ".create_chat_completion_assistant_message_content",
    "CreateChatCompletionAssistantMessageTypedDict": ".create_chat_completion_messages",
    "CreateChatCompletionAudio": ".create_chat_completion_audio",
    "CreateChatCompletionAudioTypedDict": ".create_chat_completion_audio",
    "CreateChatCompletionCache": ".create_chat_completion_cache",
    "CreateChatCompletionCacheTypedDict": ".create_chat_completion_cache",
    "CreateChatCompletionChoices": ".create_chat_completion_choices",
    "CreateChatCompletionChoicesTypedDict": ".create_chat_completion_choices",
    "CreateChatCompletionChunk": ".create_chat_completion_chunk",
    "CreateChatCompletionChunkChoices": ".create_chat_completion_chunk_choices",
    "CreateChatCompletionChunkChoicesTypedDict": ".create_chat_completion_chunk_choices",
    "CreateChatCompletionChunkDelta": ".create_chat_completion_chunk_delta",
    "CreateChatCompletionChunkDeltaTypedDict": ".create_chat_completion_chunk_delta",
    "CreateChatCompletionChunkFunction": ".create_chat_completion_chunk_function",
    "CreateChatCompletionChunkFunctionTypedDict": ".create_chat_completion_chunk_function",
    "CreateChatCompletionChunkToolCalls": ".create_chat_completion_chunk_tool_calls",
    "CreateChatCompletionChunkToolCallsTypedDict": ".create_chat_completion_chunk_tool_calls",
    "CreateChatCompletionChunkTypedDict": ".create_chat_completion_chunk",
    "CreateChatCompletionCompletionTokensDetails": ".create_chat_completion_completion_tokens_details",
    "CreateChatCompletionCompletionTokensDetailsTypedDict": ".create_chat_completion_completion_tokens_details",
    "CreateChatCompletionContact": ".create_chat_completion_contact",
    "CreateChatCompletionContactTypedDict": ".create_chat_completion_contact",
    "CreateChatCompletionDeveloperMessage": ".create_chat_completion_messages",
    "CreateChatCompletionDeveloperMessageContent": ".create_chat_completion_developer_message_content",
    "CreateChatCompletionDeveloperMessageContentTypedDict": ".create_chat_completion_developer_message_content",
    "CreateChatCompletionDeveloperMessageTypedDict": ".create_chat_completion_messages",
    "CreateChatCompletionFallbacks": ".create_chat_completion_fallbacks",
    "CreateChatCompletionFallbacksTypedDict": ".create_chat_completion_fallbacks",
    "CreateChatCompletionFile": ".create_chat_completion_file",
    "CreateChatCompletionFileContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionFileContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionFileTypedDict": ".create_chat_completion_file",
    "CreateChatCompletionFilterBy": ".create_chat_completion_filter_by",
    "CreateChatCompletionFilterBy1": ".create_chat_completion_filter_by1",
    "CreateChatCompletionFilterBy1TypedDict": ".create_chat_completion_filter_by1",
    "CreateChatCompletionFilterByAnd": ".create_chat_completion_filter_by_and",
    "CreateChatCompletionFilterByAndTypedDict": ".create_chat_completion_filter_by_and",
    "CreateChatCompletionFilterByOr": ".create_chat_completion_filter_by_or",
    "CreateChatCompletionFilterByOrTypedDict": ".create_chat_completion_filter_by_or",
    "CreateChatCompletionFilterByTypedDict": ".create_chat_completion_filter_by",
    "CreateChatCompletionFinishReason": ".create_chat_completion_finish_reason",
    "CreateChatCompletionFinishReasonTypedDict": ".create_chat_completion_finish_reason",
    "CreateChatCompletionFormat": ".create_chat_completion_format",
    "CreateChatCompletionFormatTypedDict": ".create_chat_completion_format",
    "CreateChatCompletionFunction": ".create_chat_completion_function",
    "CreateChatCompletionFunctionTypedDict": ".create_chat_completion_function",
    "CreateChatCompletionGuardrails": ".create_chat_completion_guardrails",
    "CreateChatCompletionGuardrailsTypedDict": ".create_chat_completion_guardrails",
    "CreateChatCompletionIdentity": ".create_chat_completion_identity",
    "CreateChatCompletionIdentityTypedDict": ".create_chat_completion_identity",
    "CreateChatCompletionImageUrl": ".create_chat_completion_image_url",
    "CreateChatCompletionImageUrlContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionImageUrlContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionImageUrlDetail": ".create_chat_completion_image_url_detail",
    "CreateChatCompletionImageUrlDetailTypedDict": ".create_chat_completion_image_url_detail",
    "CreateChatCompletionImageUrlTypedDict": ".create_chat_completion_image_url",
    "CreateChatCompletionInputAudio": ".create_chat_completion_input_audio",
    "CreateChatCompletionInputAudioContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionInputAudioContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionInputAudioFormat": ".create_chat_completion_input_audio_format",
    "CreateChatCompletionInputAudioFormatTypedDict": ".create_chat_completion_input_audio_format",
    "CreateChatCompletionInputAudioTypedDict": ".create_chat_completion_input_audio",
    "CreateChatCompletionInputs": ".create_chat_completion_inputs",
    "CreateChatCompletionInputs2": ".create_chat_completion_inputs2",
    "CreateChatCompletionInputs2TypedDict": ".create_chat_completion_inputs2",
    "CreateChatCompletionInputsTypedDict": ".create_chat_completion_inputs",
    "CreateChatCompletionJsonSchema": ".create_chat_completion_json_schema",
    "CreateChatCompletionJsonSchemaTypedDict": ".create_chat_completion_json_schema",
    "CreateChatCompletionKnowledgeBases": ".create_chat_completion_knowledge_bases",
    "CreateChatCompletionKnowledgeBasesTypedDict": ".create_chat_completion_knowledge_bases",
    "CreateChatCompletionLoadBalancer": ".create_chat_completion_load_balancer",
    "CreateChatCompletionLoadBalancer1": ".create_chat_completion_load_balancer1",
    "CreateChatCompletionLoadBalancer1TypedDict": ".create_chat_completion_load_balancer1",
    "CreateChatCompletionLoadBalancerModels": ".create_chat_completion_load_balancer_models",
    "CreateChatCompletionLoadBalancerModelsTypedDict": ".create_chat_completion_load_balancer_models",
    "CreateChatCompletionLoadBalancerTypedDict": ".create_chat_completion_load_balancer",
    "CreateChatCompletionLogprobs": ".create_chat_completion_logprobs",
    "CreateChatCompletionLogprobsContent": ".create_chat_completion_logprobs_content",
    "CreateChatCompletionLogprobsContentTypedDict": ".create_chat_completion_logprobs_content",
    "CreateChatCompletionLogprobsRefusal": ".create_chat_completion_logprobs_refusal",
    "CreateChatCompletionLogprobsRefusalTypedDict": ".create_chat_completion_logprobs_refusal",
    "CreateChatCompletionLogprobsTypedDict": ".create_chat_completion_logprobs",
    "CreateChatCompletionMessage": ".create_chat_completion_message",
    "CreateChatCompletionMessageAudio": ".create_chat_completion_message_audio",
    "CreateChatCompletionMessageAudioTypedDict": ".create_chat_completion_message_audio",
    "CreateChatCompletionMessageTypedDict": ".create_chat_completion_message",
    "CreateChatCompletionMessages": ".create_chat_completion_messages",
    "CreateChatCompletionMessagesTypedDict": ".create_chat_completion_messages",
    "CreateChatCompletionModalities": ".create_chat_completion_modalities",
    "CreateChatCompletionModalitiesTypedDict": ".create_chat_completion_modalities",
    "CreateChatCompletionOrq": ".create_chat_completion_orq",
    "CreateChatCompletionOrqCache": ".create_chat_completion_orq_cache",
    "CreateChatCompletionOrqCacheTypedDict": ".create_chat_completion_orq_cache",
    "CreateChatCompletionOrqFallbacks": ".create_chat_completion_orq_fallbacks",
    "CreateChatCompletionOrqFallbacksTypedDict": ".create_chat_completion_orq_fallbacks",
    "CreateChatCompletionOrqLoadBalancer": ".create_chat_completion_orq_load_balancer",
    "CreateChatCompletionOrqLoadBalancer1": ".create_chat_completion_orq_load_balancer1",
    "CreateChatCompletionOrqLoadBalancer1TypedDict": ".create_chat_completion_orq_load_balancer1",
    "CreateChatCompletionOrqLoadBalancerModels": ".create_chat_completion_orq_load_balancer_models",
    "CreateChatCompletionOrqLoadBalancerModelsTypedDict": ".create_chat_completion_orq_load_balancer_models",
    "CreateChatCompletionOrqLoadBalancerTypedDict": ".create_chat_completion_orq_load_balancer",
    "CreateChatCompletionOrqRetry": ".create_chat_completion_orq_retry",
    "CreateChatCompletionOrqRetryTypedDict": ".create_chat_completion_orq_retry",
    "CreateChatCompletionOrqTimeout": ".create_chat_completion_orq_timeout",
    "CreateChatCompletionOrqTimeoutTypedDict": ".create_chat_completion_orq_timeout",
    "CreateChatCompletionOrqTypedDict": ".create_chat_completion_orq",
    "CreateChatCompletionParameters": ".create_chat_completion_parameters",
    "CreateChatCompletionParametersTypedDict": ".create_chat_completion_parameters",
    "CreateChatCompletionPrompt": ".create_chat_completion_prompt",
    "CreateChatCompletionPromptTokensDetails": ".create_chat_completion_prompt_tokens_details",
    "CreateChatCompletionPromptTokensDetailsTypedDict": ".create_chat_completion_prompt_tokens_details",
    "CreateChatCompletionPromptTypedDict": ".create_chat_completion_prompt",
    "CreateChatCompletionReasoningEffort": ".create_chat_completion_reasoning_effort",
    "CreateChatCompletionReasoningEffortTypedDict": ".create_chat_completion_reasoning_effort",
    "CreateChatCompletionRefusalContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionRefusalContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionRequestBody": ".create_chat_completion_request_body",
    "CreateChatCompletionRequestBodyTypedDict": ".create_chat_completion_request_body",
    "CreateChatCompletionRerankConfig": ".create_chat_completion_rerank_config",
    "CreateChatCompletionRerankConfigTypedDict": ".create_chat_completion_rerank_config",
    "CreateChatCompletionResponseBody": ".create_chat_completion_response_body",
    "CreateChatCompletionResponseBodyTypedDict": ".create_chat_completion_response_body",
    "CreateChatCompletionResponseFormat": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatJSONObject": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatJSONObjectTypedDict": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatJSONSchema": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatJSONSchemaTypedDict": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatText": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatTextTypedDict": ".create_chat_completion_response_format",
    "CreateChatCompletionResponseFormatTypedDict": ".create_chat_completion_response_format",
    "CreateChatCompletionRetry": ".create_chat_completion_retry",
    "CreateChatCompletionRetryTypedDict": ".create_chat_completion_retry",
    "CreateChatCompletionSearchOptions": ".create_chat_completion_search_options",
    "CreateChatCompletionSearchOptionsTypedDict": ".create_chat_completion_search_options",
    "CreateChatCompletionSearchType": ".create_chat_completion_search_type",
    "CreateChatCompletionSearchTypeTypedDict": ".create_chat_completion_search_type",
    "CreateChatCompletionStop": ".create_chat_completion_stop",
    "CreateChatCompletionStop1": ".create_chat_completion_stop",
    "CreateChatCompletionStopTypedDict": ".create_chat_completion_stop",
    "CreateChatCompletionStreamOptions": ".create_chat_completion_stream_options",
    "CreateChatCompletionStreamOptionsTypedDict": ".create_chat_completion_stream_options",
    "CreateChatCompletionSystemMessage": ".create_chat_completion_messages",
    "CreateChatCompletionSystemMessageContent": ".create_chat_completion_system_message_content",
    "CreateChatCompletionSystemMessageContentTypedDict": ".create_chat_completion_system_message_content",
    "CreateChatCompletionSystemMessageTypedDict": ".create_chat_completion_messages",
    "CreateChatCompletionTextContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionTextContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionThinking": ".create_chat_completion_thinking",
    "CreateChatCompletionThinkingLevel": ".create_chat_completion_thinking_level",
    "CreateChatCompletionThinkingLevelTypedDict": ".create_chat_completion_thinking_level",
    "CreateChatCompletionThinkingType": ".create_chat_completion_thinking_type",
    "CreateChatCompletionThinkingTypeTypedDict": ".create_chat_completion_thinking_type",
    "CreateChatCompletionThinkingTypedDict": ".create_chat_completion_thinking",
    "CreateChatCompletionThread": ".create_chat_completion_thread",
    "CreateChatCompletionThreadTypedDict": ".create_chat_completion_thread",
    "CreateChatCompletionTimeout": ".create_chat_completion_timeout",
    "CreateChatCompletionTimeoutTypedDict": ".create_chat_completion_timeout",
    "CreateChatCompletionToolCalls": ".create_chat_completion_tool_calls",
    "CreateChatCompletionToolCallsFunction": ".create_chat_completion_tool_calls_function",
    "CreateChatCompletionToolCallsFunctionTypedDict": ".create_chat_completion_tool_calls_function",
    "CreateChatCompletionToolCallsTypedDict": ".create_chat_completion_tool_calls",
    "CreateChatCompletionToolChoice": ".create_chat_completion_tool_choice",
    "CreateChatCompletionToolChoice1": ".create_chat_completion_tool_choice1",
    "CreateChatCompletionToolChoice1TypedDict": ".create_chat_completion_tool_choice1",
    "CreateChatCompletionToolChoice2": ".create_chat_completion_tool_choice2",
    "CreateChatCompletionToolChoice2TypedDict": ".create_chat_completion_tool_choice2",
    "CreateChatCompletionToolChoiceFunction": ".create_chat_completion_tool_choice_function",
    "CreateChatCompletionToolChoiceFunctionTypedDict": ".create_chat_completion_tool_choice_function",
    "CreateChatCompletionToolChoiceTypedDict": ".create_chat_completion_tool_choice",
    "CreateChatCompletionToolMessage": ".create_chat_completion_messages",
    "CreateChatCompletionToolMessageContent": ".create_chat_completion_tool_message_content",
    "CreateChatCompletionToolMessageContentTypedDict": ".create_chat_completion_tool_message_content",
    "CreateChatCompletionToolMessageTypedDict": ".create_chat_completion_messages",
    "CreateChatCompletionTools": ".create_chat_completion_tools",
    "CreateChatCompletionToolsType": ".create_chat_completion_tools_type",
    "CreateChatCompletionToolsTypeTypedDict": ".create_chat_completion_tools_type",
    "CreateChatCompletionToolsTypedDict": ".create_chat_completion_tools",
    "CreateChatCompletionTopLogprobs": ".create_chat_completion_top_logprobs",
    "CreateChatCompletionTopLogprobsTypedDict": ".create_chat_completion_top_logprobs",
    "CreateChatCompletionUsage": ".create_chat_completion_usage",
    "CreateChatCompletionUsageTypedDict": ".create_chat_completion_usage",
    "CreateChatCompletionUserContentPart": ".create_chat_completion_file_content_part",
    "CreateChatCompletionUserContentPartTypedDict": ".create_chat_completion_file_content_part",
    "CreateChatCompletionUserMessage": ".create_chat_completion_messages",
    "CreateChatCompletionUserMessageContent": ".create_chat_completion_user_message_content",
    "CreateChatCompletionUserMessageContentTypedDict": ".create_chat_completion_user_message_content",
    "CreateChatCompletionUserMessageTypedDict": ".create_chat_completion_messages",
    "CreateChatCompletionVoice": ".create_chat_completion_voice",
    "CreateChatCompletionVoiceTypedDict": ".create_chat_completion_voice",
    "CreateCompletionAgenticRagConfig": ".create_completion_agentic_rag_config",
    "CreateCompletionAgenticRagConfigTypedDict": ".create_completion_agentic_rag_config",
    "CreateCompletionCache": ".create_completion_cache",
    "CreateCompletionCacheTypedDict": ".create_completion_cache",
    "CreateCompletionChoices": ".create_completion_choices",
    "CreateCompletionChoicesTypedDict": ".create_completion_choices",
    "CreateCompletionChunk": ".create_completion_chunk",
    "CreateCompletionChunkChoices": ".create_completion_chunk_choices",
    "CreateCompletionChunkChoicesTypedDict": ".create_completion_chunk_choices",
    "CreateCompletionChunkTypedDict": ".create_completion_chunk",
    "CreateCompletionCompletionTokensDetails": ".create_completion_completion_tokens_details",
    "CreateCompletionCompletionTokensDetailsTypedDict": ".create_completion_completion_tokens_details",
    "CreateCompletionContact": ".create_completion_contact",
    "CreateCompletionContactTypedDict": ".create_completion_contact",
    "CreateCompletionCreated": ".create_completion_created",
    "CreateCompletionCreatedTypedDict": ".create_completion_created",
    "CreateCompletionFallbacks": ".create_completion_fallbacks",
    "CreateCompletionFallbacksTypedDict": ".create_completion_fallbacks",
    "CreateCompletionFilterBy": ".create_completion_filter_by",
    "CreateCompletionFilterBy1": ".create_completion_filter_by1",
    "CreateCompletionFilterBy1TypedDict": ".create_completion_filter_by1",
    "CreateCompletionFilterByAnd": ".create_completion_filter_by_and",
    "CreateCompletionFilterByAndTypedDict": ".create_completion_filter_by_and",
    "CreateCompletionFilterByOr": ".create_completion_filter_by_or",
    "CreateCompletionFilterByOrTypedDict": ".create_completion_filter_by_or",
    "CreateCompletionFilterByTypedDict": ".create_completion_filter_by",
    "CreateCompletionFinishReason": ".create_completion_finish_reason",
    "CreateCompletionFinishReasonTypedDict": ".create_completion_finish_reason",
    "CreateCompletionIdentity": ".create_completion_identity",
    "CreateCompletionIdentityTypedDict": ".create_completion_identity",
    "CreateCompletionInputs": ".create_completion_inputs",
    "CreateCompletionInputs2": ".create_completion_inputs2",
    "CreateCompletionInputs2TypedDict": ".create_completion_inputs2",
    "CreateCompletionInputsTypedDict": ".create_completion_inputs",
    "CreateCompletionKnowledgeBases": ".create_completion_knowledge_bases",
    "CreateCompletionKnowledgeBasesTypedDict": ".create_completion_knowledge_bases",
    "CreateCompletionLoadBalancer": ".create_completion_load_balancer",
    "CreateCompletionLoadBalancer1": ".create_completion_load_balancer1",
    "CreateCompletionLoadBalancer1TypedDict": ".create_completion_load_balancer1",
    "CreateCompletionLoadBalancerModels": ".create_completion_load_balancer_models",
    "CreateCompletionLoadBalancerModelsTypedDict": ".create_completion_load_balancer_models",
    "CreateCompletionLoadBalancerRouterCompletions1": ".create_completion_load_balancer_router_completions1",
    "CreateCompletionLoadBalancerRouterCompletions1TypedDict": ".create_completion_load_balancer_router_completions1",
    "CreateCompletionLoadBalancerTypedDict": ".create_completion_load_balancer",
    "CreateCompletionOrq": ".create_completion_orq",
    "CreateCompletionOrqCache": ".create_completion_orq_cache",
    "CreateCompletionOrqCacheTypedDict": ".create_completion_orq_cache",
    "CreateCompletionOrqFallbacks": ".create_completion_orq_fallbacks",
    "CreateCompletionOrqFallbacksTypedDict": ".create_completion_orq_fallbacks",
    "CreateCompletionOrqLoadBalancer": ".create_completion_orq_load_balancer",
    "CreateCompletionOrqLoadBalancerModels": ".create_completion_orq_load_balancer_models",
    "CreateCompletionOrqLoadBalancerModelsTypedDict": ".create_completion_orq_load_balancer_models",
    "CreateCompletionOrqLoadBalancerTypedDict": ".create_completion_orq_load_balancer",
    "CreateCompletionOrqRetry": ".create_completion_orq_retry",
    "CreateCompletionOrqRetryTypedDict": ".create_completion_orq_retry",
    "CreateCompletionOrqTimeout": ".create_completion_orq_timeout",
    "CreateCompletionOrqTimeoutTypedDict": ".create_completion_orq_timeout",
    "CreateCompletionOrqTypedDict": ".create_completion_orq",
    "CreateCompletionPrompt": ".create_completion_prompt",
    "CreateCompletionPromptTokensDetails": ".create_completion_prompt_tokens_details",
    "CreateCompletionPromptTokensDetailsTypedDict": ".create_completion_prompt_tokens_details",
    "CreateCompletionPromptTypedDict": ".create_completion_prompt",
    "CreateCompletionRequestBody": ".create_completion_request_body",
    "CreateCompletionRequestBodyTypedDict": ".create_completion_request_body",
    "CreateCompletionRerankConfig": ".create_completion_rerank_config",
    "CreateCompletionRerankConfigTypedDict": ".create_completion_rerank_config",
    "CreateCompletionResponseBody": ".create_completion_response_body",
    "CreateCompletionResponseBodyTypedDict": ".create_completion_response_body",
    "CreateCompletionRetry": ".create_completion_retry",
    "CreateCompletionRetryTypedDict": ".create_completion_retry",
    "CreateCompletionSearchOptions": ".create_completion_search_options",
    "CreateCompletionSearchOptionsTypedDict": ".create_completion_search_options",
    "CreateCompletionSearchType": ".create_completion_search_type",
    "CreateCompletionSearchTypeTypedDict": ".create_completion_search_type",
    "CreateCompletionStop": ".create_completion_stop",
    "CreateCompletionStop1": ".create_completion_stop",
    "CreateCompletionStopTypedDict": ".create_completion_stop",
    "CreateCompletionThinking": ".create_completion_thinking",
    "CreateCompletionThinkingTypedDict": ".create_completion_thinking",
    "CreateCompletionThread": ".create_completion_thread",
    "CreateCompletionThreadTypedDict": ".create_completion_thread",
    "CreateCompletionTimeout": ".create_completion_timeout",
    "CreateCompletionTimeoutTypedDict": ".create_completion_timeout",
    "CreateCompletionUsage": ".create_completion_usage",
    "CreateCompletionUsageTypedDict": ".create_completion_usage",
    "CreateImageCache": ".create_image_cache",
    "CreateImageCacheTypedDict": ".create_image_cache",
    "CreateImageContact": ".create_image_contact",
    "CreateImageContactTypedDict": ".create_image_contact",
    "CreateImageData": ".create_image_data",
    "CreateImageDataTypedDict": ".create_image_data",
    "CreateImageFallbacks": ".create_image_fallbacks",
    "CreateImageFallbacksTypedDict": ".create_image_fallbacks",
    "CreateImageIdentity": ".create_image_identity",
    "CreateImageIdentityTypedDict": ".create_image_identity",
    "CreateImageLoadBalancer": ".create_image_load_balancer",
    "CreateImageLoadBalancerTypedDict": ".create_image_load_balancer",
    "CreateImageOrq": ".create_image_orq",
    "CreateImageOrqTypedDict": ".create_image_orq",
    "CreateImageRequestBody": ".create_image_request_body",
    "CreateImageRequestBodyTypedDict": ".create_image_request_body",
    "CreateImageResponseBody": ".create_image_response_body",
    "CreateImageResponseBodyTypedDict": ".create_image_response_body",
    "CreateImageResponseFormat": ".create_image_response_format",
    "CreateImageResponseFormatTypedDict": ".create_image_response_format",
    "CreateImageRetry": ".create_image_retry",
    "CreateImageRetryTypedDict": ".create_image_retry",
    "CreateImageTimeout": ".create_image_timeout",
    "CreateImageTimeoutTypedDict": ".create_image_timeout",
    "MetadataAdditionalProperty": ".create_chat_completion_request_body",
    "Moderation": ".moderation",
    "ModerationTypedDict": ".moderation",
    "OutputFormat": ".output_format",
    "OutputFormatTypedDict": ".output_format",
    "Quality": ".quality",
    "QualityTypedDict": ".quality",
    "Style": ".style",
    "StyleTypedDict": ".style",
    "ThinkingConfigAdaptiveSchema": ".create_completion_thinking",
    "ThinkingConfigAdaptiveSchemaTypedDict": ".create_completion_thinking",
    "ThinkingConfigDisabledSchema": ".create_completion_thinking",
    "ThinkingConfigDisabledSchemaTypedDict": ".create_completion_thinking",
    "ThinkingConfigEnabledSchema": ".create_completion_thinking",
    "ThinkingConfigEnabledSchemaThinkingLevel": ".thinking_config_enabled_schema_thinking_level",
    "ThinkingConfigEnabledSchemaThinkingLevelTypedDict": ".thinking_config_enabled_schema_thinking_level",
    "ThinkingConfigEnabledSchemaTypedDict": ".create_completion_thinking",
}

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "Background",
    "BackgroundTypedDict",
    "CreateChatCompletionAgenticRagConfig",
    "CreateChatCompletionAgenticRagConfigTypedDict",
    "CreateChatCompletionAssistantContentPart",
    "CreateChatCompletionAssistantContentPartTypedDict",
    "CreateChatCompletionAssistantMessage",
    "CreateChatCompletionAssistantMessageAudio",
    "CreateChatCompletionAssistantMessageAudioTypedDict",
    "CreateChatCompletionAssistantMessageContent",
    "CreateChatCompletionAssistantMessageContentTypedDict",
    "CreateChatCompletionAssistantMessageTypedDict",
    "CreateChatCompletionAudio",
    "CreateChatCompletionAudioTypedDict",
    "CreateChatCompletionCache",
    "CreateChatCompletionCacheTypedDict",
    "CreateChatCompletionChoices",
    "CreateChatCompletionChoicesTypedDict",
    "CreateChatCompletionChunk",
    "CreateChatCompletionChunkChoices",
    "CreateChatCompletionChunkChoicesTypedDict",
    "CreateChatCompletionChunkDelta",
    "CreateChatCompletionChunkDeltaTypedDict",
    "CreateChatCompletionChunkFunction",
    "CreateChatCompletionChunkFunctionTypedDict",
    "CreateChatCompletionChunkToolCalls",
    "CreateChatCompletionChunkToolCallsTypedDict",
    "CreateChatCompletionChunkTypedDict",
    "CreateChatCompletionCompletionTokensDetails",
    "CreateChatCompletionCompletionTokensDetailsTypedDict",
    "CreateChatCompletionContact",
    "CreateChatCompletionContactTypedDict",
    "CreateChatCompletionDeveloperMessage",
    "CreateChatCompletionDeveloperMessageContent",
    "CreateChatCompletionDeveloperMessageContentTypedDict",
    "CreateChatCompletionDeveloperMessageTypedDict",
    "CreateChatCompletionFallbacks",
    "CreateChatCompletionFallbacksTypedDict",
    "CreateChatCompletionFile",
    "CreateChatCompletionFileContentPart",
    "CreateChatCompletionFileContentPartTypedDict",
    "CreateChatCompletionFileTypedDict",
    "CreateChatCompletionFilterBy",
    "CreateChatCompletionFilterBy1",
    "CreateChatCompletionFilterBy1TypedDict",
    "CreateChatCompletionFilterByAnd",
    "CreateChatCompletionFilterByAndTypedDict",
    "CreateChatCompletionFilterByOr",
    "CreateChatCompletionFilterByOrTypedDict",
    "CreateChatCompletionFilterByTypedDict",
    "CreateChatCompletionFinishReason",
    "CreateChatCompletionFinishReasonTypedDict",
    "CreateChatCompletionFormat",
    "CreateChatCompletionFormatTypedDict",
    "CreateChatCompletionFunction",
    "CreateChatCompletionFunctionTypedDict",
    "CreateChatCompletionGuardrails",
    "CreateChatCompletionGuardrailsTypedDict",
    "CreateChatCompletionIdentity",
    "CreateChatCompletionIdentityTypedDict",
    "CreateChatCompletionImageUrl",
    "CreateChatCompletionImageUrlContentPart",
    "CreateChatCompletionImageUrlContentPartTypedDict",
    "CreateChatCompletionImageUrlDetail",
    "CreateChatCompletionImageUrlDetailTypedDict",
    "CreateChatCompletionImageUrlTypedDict",
    "CreateChatCompletionInputAudio",
    "CreateChatCompletionInputAudioContentPart",
    "CreateChatCompletionInputAudioContentPartTypedDict",
    "CreateChatCompletionInputAudioFormat",
    "CreateChatCompletionInputAudioFormatTypedDict",
    "CreateChatCompletionInputAudioTypedDict",
    "CreateChatCompletionInputs",
    "CreateChatCompletionInputs2",
    "CreateChatCompletionInputs2TypedDict",
    "CreateChatCompletionInputsTypedDict",
    "CreateChatCompletionJsonSchema",
    "CreateChatCompletionJsonSchemaTypedDict",
    "CreateChatCompletionKnowledgeBases",
    "CreateChatCompletionKnowledgeBasesTypedDict",
    "CreateChatCompletionLoadBalancer",
    "CreateChatCompletionLoadBalancer1",
    "CreateChatCompletionLoadBalancer1TypedDict",
    "CreateChatCompletionLoadBalancerModels",
    "CreateChatCompletionLoadBalancerModelsTypedDict",
    "CreateChatCompletionLoadBalancerTypedDict",
    "CreateChatCompletionLogprobs",
    "CreateChatCompletionLogprobsContent",
    "CreateChatCompletionLogprobsContentTypedDict",
    "CreateChatCompletionLogprobsRefusal",
    "CreateChatCompletionLogprobsRefusalTypedDict",
    "CreateChatCompletionLogprobsTypedDict",
    "CreateChatCompletionMessage",
    "CreateChatCompletionMessageAudio",
    "CreateChatCompletionMessageAudioTypedDict",
    "CreateChatCompletionMessageTypedDict",
    "CreateChatCompletionMessages",
    "CreateChatCompletionMessagesTypedDict",
    "CreateChatCompletionModalities",
    "CreateChatCompletionModalitiesTypedDict",
    "CreateChatCompletionOrq",
    "CreateChatCompletionOrqCache",
    "CreateChatCompletionOrqCacheTypedDict",
    "CreateChatCompletionOrqFallbacks",
    "CreateChatCompletionOrqFallbacksTypedDict",
    "CreateChatCompletionOrqLoadBalancer",
    "CreateChatCompletionOrqLoadBalancer1",
    "CreateChatCompletionOrqLoadBalancer1TypedDict",
    "CreateChatCompletionOrqLoadBalancerModels",
    "CreateChatCompletionOrqLoadBalancerModelsTypedDict",
    "CreateChatCompletionOrqLoadBalancerTypedDict",
    "CreateChatCompletionOrqRetry",
    "CreateChatCompletionOrqRetryTypedDict",
    "CreateChatCompletionOrqTimeout",
    "CreateChatCompletionOrqTimeoutTypedDict",
    "CreateChatCompletionOrqTypedDict",
    "CreateChatCompletionParameters",
    "CreateChatCompletionParametersTypedDict",
    "CreateChatCompletionPrompt",
    "CreateChatCompletionPromptTokensDetails",
    "CreateChatCompletionPromptTokensDetailsTypedDict",
    "CreateChatCompletionPromptTypedDict",
    "CreateChatCompletionReasoningEffort",
    "CreateChatCompletionReasoningEffortTypedDict",
    "CreateChatCompletionRefusalContentPart",
    "CreateChatCompletionRefusalContentPartTypedDict",
    "CreateChatCompletionRequestBody",
    "CreateChatCompletionRequestBodyTypedDict",
    "CreateChatCompletionRerankConfig",
    "CreateChatCompletionRerankConfigTypedDict",
    "CreateChatCompletionResponseBody",
    "CreateChatCompletionResponseBodyTypedDict",
    "CreateChatCompletionResponseFormat",
    "CreateChatCompletionResponseFormatJSONObject",
    "CreateChatCompletionResponseFormatJSONObjectTypedDict",
    "CreateChatCompletionResponseFormatJSONSchema",
    "CreateChatCompletionResponseFormatJSONSchemaTypedDict",
    "CreateChatCompletionResponseFormatText",
    "CreateChatCompletionResponseFormatTextTypedDict",
    "CreateChatCompletionResponseFormatTypedDict",
    "CreateChatCompletionRetry",
    "CreateChatCompletionRetryTypedDict",
    "CreateChatCompletionSearchOptions",
    "CreateChatCompletionSearchOptionsTypedDict",
    "CreateChatCompletionSearchType",
    "CreateChatCompletionSearchTypeTypedDict",
    "CreateChatCompletionStop",
    "CreateChatCompletionStop1",
    "CreateChatCompletionStopTypedDict",
    "CreateChatCompletionStreamOptions",
    "CreateChatCompletionStreamOptionsTypedDict",
    "CreateChatCompletionSystemMessage",
    "CreateChatCompletionSystemMessageContent",
    "CreateChatCompletionSystemMessageContentTypedDict",
    "CreateChatCompletionSystemMessageTypedDict",
    "CreateChatCompletionTextContentPart",
    "CreateChatCompletionTextContentPartTypedDict",
    "CreateChatCompletionThinking",
    "CreateChatCompletionThinkingLevel",
    "CreateChatCompletionThinkingLevelTypedDict",
    "CreateChatCompletionThinkingType",
    "CreateChatCompletionThinkingTypeTypedDict",
    "CreateChatCompletionThinkingTypedDict",
    "CreateChatCompletionThread",
    "CreateChatCompletionThreadTypedDict",
    "CreateChatCompletionTimeout",
    "CreateChatCompletionTimeoutTypedDict",
    "CreateChatCompletionToolCalls",
    "CreateChatCompletionToolCallsFunction",
    "CreateChatCompletionToolCallsFunctionTypedDict",
    "CreateChatCompletionToolCallsTypedDict",
    "CreateChatCompletionToolChoice",
    "CreateChatCompletionToolChoice1",
    "CreateChatCompletionToolChoice1TypedDict",
    "CreateChatCompletionToolChoice2",
    "CreateChatCompletionToolChoice2TypedDict",
    "CreateChatCompletionToolChoiceFunction",
    "CreateChatCompletionToolChoiceFunctionTypedDict",
    "CreateChatCompletionToolChoiceTypedDict",
    "CreateChatCompletionToolMessage",
    "CreateChatCompletionToolMessageContent",
    "CreateChatCompletionToolMessageContentTypedDict",
    "CreateChatCompletionToolMessageTypedDict",
    "CreateChatCompletionTools",
    "CreateChatCompletionToolsType",
    "CreateChatCompletionToolsTypeTypedDict",
    "CreateChatCompletionToolsTypedDict",
    "CreateChatCompletionTopLogprobs",
    "CreateChatCompletionTopLogprobsTypedDict",
    "CreateChatCompletionUsage",
    "CreateChatCompletionUsageTypedDict",
    "CreateChatCompletionUserContentPart",
    "CreateChatCompletionUserContentPartTypedDict",
    "CreateChatCompletionUserMessage",
    "CreateChatCompletionUserMessageContent",
    "CreateChatCompletionUserMessageContentTypedDict",
    "CreateChatCompletionUserMessageTypedDict",
    "CreateChatCompletionVoice",
    "CreateChatCompletionVoiceTypedDict",
    "CreateCompletionAgenticRagConfig",
    "CreateCompletionAgenticRagConfigTypedDict",
    "CreateCompletionCache",
    "CreateCompletionCacheTypedDict",
    "CreateCompletionChoices",
    "CreateCompletionChoicesTypedDict",
    "CreateCompletionChunk",
    "CreateCompletionChunkChoices",
    "CreateCompletionChunkChoicesTypedDict",
    "CreateCompletionChunkTypedDict",
    "CreateCompletionCompletionTokensDetails",
    "CreateCompletionCompletionTokensDetailsTypedDict",
    "CreateCompletionContact",
    "CreateCompletionContactTypedDict",
    "CreateCompletionCreated",
    "CreateCompletionCreatedTypedDict",
    "CreateCompletionFallbacks",
    "CreateCompletionFallbacksTypedDict",
    "CreateCompletionFilterBy",
    "CreateCompletionFilterBy1",
    "CreateCompletionFilterBy1TypedDict",
    "CreateCompletionFilterByAnd",
    "CreateCompletionFilterByAndTypedDict",
    "CreateCompletionFilterByOr",
    "CreateCompletionFilterByOrTypedDict",
    "CreateCompletionFilterByTypedDict",
    "CreateCompletionFinishReason",
    "CreateCompletionFinishReasonTypedDict",
    "CreateCompletionIdentity",
    "CreateCompletionIdentityTypedDict",
    "CreateCompletionInputs",
    "CreateCompletionInputs2",
    "CreateCompletionInputs2TypedDict",
    "CreateCompletionInputsTypedDict",
    "CreateCompletionKnowledgeBases",
    "CreateCompletionKnowledgeBasesTypedDict",
    "CreateCompletionLoadBalancer",
    "CreateCompletionLoadBalancer1",
    "CreateCompletionLoadBalancer1TypedDict",
    "CreateCompletionLoadBalancerModels",
    "CreateCompletionLoadBalancerModelsTypedDict",
    "CreateCompletionLoadBalancerRouterCompletions1",
    "CreateCompletionLoadBalancerRouterCompletions1TypedDict",
    "CreateCompletionLoadBalancerTypedDict",
    "CreateCompletionOrq",
    "CreateCompletionOrqCache",
    "CreateCompletionOrqCacheTypedDict",
    "CreateCompletionOrqFallbacks",
    "CreateCompletionOrqFallbacksTypedDict",
    "CreateCompletionOrqLoadBalancer",
    "CreateCompletionOrqLoadBalancerModels",
    "CreateCompletionOrqLoadBalancerModelsTypedDict",
    "CreateCompletionOrqLoadBalancerTypedDict",
    "CreateCompletionOrqRetry",
    "CreateCompletionOrqRetryTypedDict",
    "CreateCompletionOrqTimeout",
    "CreateCompletionOrqTimeoutTypedDict",
    "CreateCompletionOrqTypedDict",
    "CreateCompletionPrompt",
    "CreateCompletionPromptTokensDetails",
    "CreateCompletionPromptTokensDetailsTypedDict",
    "CreateCompletionPromptTypedDict",
    "CreateCompletionRequestBody",
    "CreateCompletionRequestBodyTypedDict",
    "CreateCompletionRerankConfig",
    "CreateCompletionRerankConfigTypedDict",
    "CreateCompletionResponseBody",
    "CreateCompletionResponseBodyTypedDict",
    "CreateCompletionRetry",
    "CreateCompletionRetryTypedDict",
    "CreateCompletionSearchOptions",
    "CreateCompletionSearchOptionsTypedDict",
    "CreateCompletionSearchType",
    "CreateCompletionSearchTypeTypedDict",
    "CreateCompletionStop",
    "CreateCompletionStop1",
    "CreateCompletionStopTypedDict",
    "CreateCompletionThinking",
    "CreateCompletionThinkingTypedDict",
    "CreateCompletionThread",
    "CreateCompletionThreadTypedDict",
    "CreateCompletionTimeout",
    "CreateCompletionTimeoutTypedDict",
    "CreateCompletionUsage",
    "CreateCompletionUsageTypedDict",
    "CreateImageCache",
    "CreateImageCacheTypedDict",
    "CreateImageContact",
    "CreateImageContactTypedDict",
    "CreateImageData",
    "CreateImageDataTypedDict",
    "CreateImageFallbacks",
    "CreateImageFallbacksTypedDict",
    "CreateImageIdentity",
    "CreateImageIdentityTypedDict",
    "CreateImageLoadBalancer",
    "CreateImageLoadBalancerTypedDict",
    "CreateImageOrq",
    "CreateImageOrqTypedDict",
    "CreateImageRequestBody",
    "CreateImageRequestBodyTypedDict",
    "CreateImageResponseBody",
    "CreateImageResponseBodyTypedDict",
    "CreateImageResponseFormat",
    "CreateImageResponseFormatTypedDict",
    "CreateImageRetry",
    "CreateImageRetryTypedDict",
    "CreateImageTimeout",
    "CreateImageTimeoutTypedDict",
    "MetadataAdditionalProperty",
    "MissingCredentialsError",
    "Moderation",
    "ModerationTypedDict",
    "OutputFormat",
    "OutputFormatTypedDict",
    "PaginationError",
    "Quality",
    "QualityTypedDict",
    "RequestValidationError",
    "ResponseValidationError",
    "SDKError",
    "StreamError",
    "Style",
    "StyleTypedDict",
    "ThinkingConfigAdaptiveSchema",
    "ThinkingConfigAdaptiveSchemaTypedDict",
    "ThinkingConfigDisabledSchema",
    "ThinkingConfigDisabledSchemaTypedDict",
    "ThinkingConfigEnabledSchema",
    "ThinkingConfigEnabledSchemaThinkingLevel",
    "ThinkingConfigEnabledSchemaThinkingLevelTypedDict",
    "ThinkingConfigEnabledSchemaTypedDict",
    "TokenError",
    "TypedAPIError",
]


def __getattr__(name: str) -> Any:
    module = _dynamic_imports.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
