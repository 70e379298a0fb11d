"""mypy agrees with run time about uploads: what the SDK sends (bytes, a binary file, a path, tuples)
type-checks, in method arguments and in request models and TypedDicts; what it refuses does not."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SPECS, mypy_cache, run, tool

GOOD = """
import io
from pathlib import Path
from uploads_sdk import FileInput, Uploads, models

def use(client: Uploads, path: Path) -> None:
    with open(path, "rb") as handle:
        client.documents.create_document(file=handle, thumbnail=path, attachments=[b"x", ("a.txt", b"a")])
    client.documents.create_document(file=("r.pdf", path, "application/pdf"), idempotency_key="k")
    client.documents.create_document(file=("r.pdf", io.BytesIO(b"x")))
    client.blobs.put_blob(name="n", request=path)
    client.blobs.upload_avatar(request=open(path, "rb"))
    model = models.CreateDocumentRequestBody(file=path)
    as_dict: models.CreateDocumentRequestBodyTypedDict = {"file": ("a", b"a"), "attachments": [path]}
    value: FileInput = b"bytes"
    print(model, as_dict, value)

async def use_async(client: Uploads, path: Path) -> None:
    doc: models.Document = await client.documents.create_document_async(file=path)
    print(doc)
"""

BAD = {
    "an int": "client.documents.create_document(file=1)",
    "a str (text, not bytes)": 'client.documents.create_document(file="a.txt")',
    "a file opened in text mode": 'client.blobs.put_blob(name="n", request=open("a.txt"))',
    "a tuple without a filename": 'client.documents.create_document(file=(b"x", b"y"))',
    "a tuple with an int type": 'client.documents.create_document(file=("a", b"x", 3))',
    "a file where a list is due": "client.documents.create_document(file=b'x', attachments=b'y')",
}


def _mypy(tmp_path: Path, source: str) -> tuple[int, str]:
    program = tmp_path / "user_program.py"
    program.write_text(source)
    proc = run([tool("mypy"), "--strict", "--cache-dir", mypy_cache(), str(program)], cwd=tmp_path)
    return proc.returncode, proc.stdout + proc.stderr


def test_files_type_check_and_mistakes_do_not(tmp_path: Path, monkeypatch, generated_sdk) -> None:
    folder = generated_sdk(SPECS / "uploads.yaml", "uploads_sdk")
    monkeypatch.setenv("MYPYPATH", str(folder / "src"))
    code, out = _mypy(tmp_path, GOOD)
    assert code == 0, out
    body = "\n".join(f"    {line}  # {name}" for name, line in BAD.items())
    code, out = _mypy(tmp_path, f"from uploads_sdk import Uploads\n\ndef use(client: Uploads) -> None:\n{body}\n")
    assert code == 1, out
    for line_no, name in enumerate(BAD, start=4):
        assert f"user_program.py:{line_no}:" in out, f"mypy missed: {name}\n{out}"
