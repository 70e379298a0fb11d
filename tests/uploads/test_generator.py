"""What the generator reads from a spec for uploads and idempotency keys: which fields are files, the
part content types, binary bodies, OpenAPI 3.1's `contentMediaType`, and the `idempotency_header` setting."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from generator.config import settings_from
from generator.errors import ConfigError
from generator.ir.build import build_api
from generator.normalize import normalize
from tests.conftest import SPECS

SPEC = yaml.safe_load((SPECS / "uploads.yaml").read_text(encoding="utf-8"))


def _api(doc: dict[str, Any], idempotency_header: str | None = None) -> Any:
    doc = copy.deepcopy(doc)
    normalize(doc)
    return build_api(doc, client_class="Uploads", env_var="UPLOADS_API_KEY", idempotency_header=idempotency_header)


def _ops(api: Any) -> dict[str, Any]:
    return {op.operation_id: op for op in api.operations}


def test_file_fields_and_their_part_types() -> None:
    ops = _ops(_api(SPEC))
    body = ops["createDocument"].body
    # `thumbnail` is OpenAPI 3.1's binary string (contentMediaType, no contentEncoding)
    assert body.files == {"file": "", "thumbnail": "image/png", "attachments": "application/octet-stream, text/plain"}
    types = {f.wire_name: f.type.input_annotation() for f in body.fields}
    assert types == {
        "file": "FileInput", "thumbnail": "FileInput", "attachments": "list[FileInput]", "title": "str",
        "tags": "list[str]",
    }
    assert ops["putBlob"].body.type.input_annotation() == "FileInput"
    assert ops["uploadAvatar"].body.type.input_annotation() == "FileInput"  # `image/*` is binary
    assert ops["createNote"].body.files == {} and not ops["createNote"].uploads
    assert {op.operation_id for op in _api(SPEC).upload_operations} == {"createDocument", "putBlob", "uploadAvatar"}


def test_a_string_with_content_encoding_stays_text() -> None:
    doc = copy.deepcopy(SPEC)
    props = doc["paths"]["/documents"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]
    props["thumbnail"]["contentEncoding"] = "base64"
    body = _ops(_api(doc))["createDocument"].body
    assert "thumbnail" not in body.files
    assert next(f for f in body.fields if f.wire_name == "thumbnail").type.input_annotation() == "str"


def test_idempotency_header_from_the_parameter_or_the_config() -> None:
    plain = _ops(_api(SPEC))
    assert plain["createDocument"].idempotency_header == "Idempotency-Key"  # declared by the operation
    assert all(plain[o].idempotency_header is None for o in ("putBlob", "createNote", "listDocuments"))
    configured = _ops(_api(SPEC, "X-Request-Key"))
    assert configured["createDocument"].idempotency_header == "Idempotency-Key"  # its own parameter wins
    assert configured["putBlob"].idempotency_header == configured["createNote"].idempotency_header == "X-Request-Key"
    assert configured["listDocuments"].idempotency_header is None  # GET is safe to repeat


def test_the_setting_must_be_a_header_name() -> None:
    assert settings_from({"idempotency_header": "Idempotency-Key"}, SPEC).idempotency_header == "Idempotency-Key"
    assert settings_from({}, SPEC).idempotency_header is None
    for bad in ("Idempotency Key", 3, "", "a:b"):
        with pytest.raises(ConfigError, match="idempotency_header"):
            settings_from({"idempotency_header": bad}, SPEC)


def test_models_type_binary_fields_as_file_input() -> None:
    from generator.emit.models import generate_models

    doc = copy.deepcopy(SPEC)
    normalize(doc)
    modules = generate_models(doc, "uploads_sdk").modules
    code = "\n".join(modules[m] for m in sorted(modules))
    assert "from uploads_sdk._files import FileInput" in code
    assert "bytes" not in code
    assert "    file: FileInput\n" in code and "attachments: list[FileInput] | None = None" in code  # the model
    assert "attachments: NotRequired[list[FileInput]]" in code  # its TypedDict twin
    assert SPEC == yaml.safe_load((SPECS / "uploads.yaml").read_text(encoding="utf-8"))  # nothing changed in place
