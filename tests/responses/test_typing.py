"""mypy sees what the views return: `APIResponse[Pet]`, context managers of them, unions by status."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import SPECS, mypy_cache, run, tool

USER_CODE = """
from responses_sdk import APIResponse, AsyncAPIResponse, Responses, models

client = Responses(api_key="k")
raw = client.pets.with_raw_response.get(pet_id=1)
reveal_type(raw)
reveal_type(raw.parse())
ok: APIResponse[models.Pet] = raw
reveal_type(client.pets.with_raw_response.update(pet_id=1, id_=1, name="x").parse())
reveal_type(client.pets.update(pet_id=1, id_=1, name="x"))
reveal_type(client.pets.photos.get(pet_id=1))
reveal_type(client.reports.get(report_id="r"))
reveal_type(client.with_raw_response.health().parse())
reveal_type(client.pets.with_raw_response.photos.get(pet_id=1))
with client.files.with_streaming_response.download(file_id="f") as streamed:
    reveal_type(streamed)
    for piece in streamed.iter_bytes():
        reveal_type(piece)
client.pets.with_raw_response.get(pet_id="one")  # E: wrong argument type


async def main() -> None:
    araw = await client.pets.with_raw_response.get_async(pet_id=1)
    reveal_type(araw)
    reveal_type(await araw.parse())
    async with client.files.with_streaming_response.download_async(file_id="f") as astreamed:
        reveal_type(astreamed)
        async for apiece in astreamed.iter_bytes():
            reveal_type(apiece)
        await astreamed.write_to_file("out.bin")
    wrong: AsyncAPIResponse[models.Job] = araw  # E: not a Job
"""

EXPECTED = [
    "responses_sdk._response.APIResponse[responses_sdk.models.pet.Pet]",
    "responses_sdk.models.pet.Pet",
    "responses_sdk.models.pet.Pet | responses_sdk.models.job.Job | None",
    "responses_sdk.models.pet.Pet | responses_sdk.models.job.Job | None",
    "bytes | responses_sdk.models.pet.Pet",
    "responses_sdk.models.report.Report | str",
    "str",
    "responses_sdk._response.APIResponse[bytes | responses_sdk.models.pet.Pet]",
    "responses_sdk._response.APIResponse[bytes]",
    "bytes",
    "responses_sdk._response.AsyncAPIResponse[responses_sdk.models.pet.Pet]",
    "responses_sdk.models.pet.Pet",
    "responses_sdk._response.AsyncAPIResponse[bytes]",
    "bytes",
]


def test_mypy_types_the_views(generated_sdk: Any, tmp_path: Path) -> None:
    folder: Path = generated_sdk(SPECS / "responses.yaml", "responses_sdk")
    (tmp_path / "user.py").write_text(USER_CODE)
    env_path = str(folder / "src")
    proc = run(
        [
            "env",
            f"MYPYPATH={env_path}",
            tool("mypy"),
            "--strict",
            "--cache-dir",
            mypy_cache(),
            "user.py",
        ],
        cwd=tmp_path,
    )
    revealed = re.findall(r'Revealed type is "(.*)"', proc.stdout)
    assert revealed == EXPECTED, proc.stdout
    errors = [line for line in proc.stdout.splitlines() if ": error:" in line]
    lines = USER_CODE.splitlines()
    error_lines = sorted({int(line.split(":")[1]) for line in errors})
    assert [lines[n - 1].split("# E:")[-1].strip() for n in error_lines] == [
        "wrong argument type",
        "not a Job",
    ], proc.stdout
