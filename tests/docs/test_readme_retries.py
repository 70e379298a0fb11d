"""The README's retry defaults are the client's own (`DEFAULT_RETRY_CONFIG`), for a spec with a retry
policy (Orq) and one without (deprecations fixture)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import ORQ_SRC, SPECS


def section(readme: str, title: str) -> str:
    return readme.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_orq_readme_states_the_clients_retry_defaults() -> None:
    from orq_ai_sdk import sdk

    config = sdk.DEFAULT_RETRY_CONFIG
    text = section((ORQ_SRC.parent / "README.md").read_text(), "Retries")
    b = config.backoff
    assert f"| `strategy` | `{config.strategy}` |" in text
    assert f"| `initial_interval` | {b.initial_interval} ms |" in text
    assert f"| `exponent` | {b.exponent} (" in text
    assert f"| `max_interval` | {b.max_interval} ms |" in text
    assert f"| `max_elapsed_time` | {b.max_elapsed_time} ms" in text
    assert f"| `status_codes` | {', '.join(f'`{c}`' for c in config.status_codes)} |" in text
    assert f"| `retry_connection_errors` | `{config.retry_connection_errors}`" in text
    assert "even beyond `max_interval`" in text
    timeouts = section((ORQ_SRC.parent / "README.md").read_text(), "Timeouts")
    assert f"The default is {sdk.DEFAULT_TIMEOUT_MS} ms" in timeouts
    assert "time to the first event" in timeouts


def test_readme_without_a_retry_policy_says_calls_are_not_retried(generated_sdk: Any) -> None:
    folder: Path = generated_sdk(SPECS / "deprecations.yaml", "deprecations_sdk")
    client_module = (folder / "src" / "deprecations_sdk" / "sdk.py").read_text()
    assert 'DEFAULT_RETRY_CONFIG = RetryConfig(strategy="none")' in client_module
    text = section((folder / "README.md").read_text(), "Retries")
    assert text.startswith("By default calls are not retried")
    assert "| `initial_interval` |" not in text
    assert "There is no default" in section((folder / "README.md").read_text(), "Timeouts")
