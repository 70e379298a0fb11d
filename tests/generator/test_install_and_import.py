"""The committed SDK installs into a fresh virtual environment, and importing it stays lazy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ORQ_OUTPUT, ORQ_SRC, run


def test_import_is_lazy_until_a_model_is_used() -> None:
    code = """
import sys
import orq_ai_sdk
from orq_ai_sdk import Orq
client = Orq(api_key="k")
loaded = set(sys.modules)
assert not [m for m in loaded if m.startswith("orq_ai_sdk.models.")], "models load at import"
assert "orq_ai_sdk.resources.router_chat_completions" not in loaded, "resources load at import"
assert "pydantic" not in loaded, "pydantic loads before it is needed"
client.router.chat.completions  # resolving a call path loads its resource module, still no models
assert not [m for m in sys.modules if m.startswith("orq_ai_sdk.models.")]
from orq_ai_sdk import models
models.CreateChatCompletionResponseBody
assert "orq_ai_sdk.models.create_chat_completion_response_body" in set(sys.modules)
print("lazy")
"""
    env = {**os.environ, "PYTHONPATH": str(ORQ_SRC)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "lazy"


def test_installs_into_a_fresh_venv_and_imports(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    assert run([sys.executable, "-m", "venv", str(venv)]).returncode == 0
    python = venv / "bin" / "python"
    # A copy, so the build writes its egg-info outside the repository.
    src = tmp_path / "orq"
    import shutil

    shutil.copytree(ORQ_OUTPUT, src, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache"))
    proc = run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(src)], timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    check = run(
        [str(python), "-c",
         ("import orq_ai_sdk, importlib.metadata as m; from orq_ai_sdk import Orq, models; "
          "assert Orq(api_key='k').router.chat.completions is not None; "
          "assert models.CreateChatCompletionResponseBody.__name__; "
          "print(m.version('orq-ai-sdk'), orq_ai_sdk.__version__, orq_ai_sdk.__file__)")],
        cwd=tmp_path,
    )
    assert check.returncode == 0, check.stderr
    version, module_version, location = check.stdout.split()
    assert version == module_version == "0.1.0"
    assert str(venv) in location  # the installed copy, not the source tree
    assert (Path(location).parent / "py.typed").exists()
