"""The built wheel: what users install, tested outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

USER_CODE = """
from bandwidth import (
    ApiClient, CallsApi, Configuration, CreateCall, CallState, MachineDetectionConfiguration,
    UpdateCall, CallbackMethodEnum,
)

# Python names, plain strings for enums, only some fields: all type-check.
hang_up = UpdateCall(state="completed")
redirect = UpdateCall(redirect_url="https://a.example/r", redirect_method="GET")
detection = MachineDetectionConfiguration(mode="sync", detection_timeout=5)
full = CreateCall(to="+19195551234", var_from="+19195554321", application_id="a",
                  answer_url="https://a.example/answer", answer_method=CallbackMethodEnum.GET,
                  disconnect_method="POST", machine_detection=detection, call_timeout=12.5)

def place(api: CallsApi) -> str:
    response = api.create_call_with_http_info(
        "9900000",
        CreateCall(to="+19195551234", var_from="+19195554321",
                   application_id="a", answer_url="https://a.example/answer"),
    )
    data, status, headers = response
    return response.data.call_id

def first(api: CallsApi) -> CallState:
    return api.list_calls("9900000", page_size=1)[0]

wrong: int = CallsApi(ApiClient(Configuration())).get_call_state("a", "c")
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheel = next((work / "dist").glob("bandwidth_sdk-*.whl"))
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True
    )
    return venv


def test_wheel_contents(installed: Path) -> None:
    wheel = next((installed.parent / "dist").glob("bandwidth_sdk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bandwidth/py.typed" in names
    assert "bandwidth/api/calls_api.py" in names
    assert "bandwidth/models/create_call.py" in names
    assert not any(name.startswith(("tests/", "bench/")) for name in names)
    metadata = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    requires = sorted(
        line.split(":", 1)[1].strip().split(" ")[0].split(">")[0].split("<")[0]
        for line in text.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    )
    assert requires == ["pydantic", "python-dateutil", "typing-extensions", "urllib3"]


def test_installed_wheel_imports_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import bandwidth, pathlib; from bandwidth import CallsApi; "
            "p = pathlib.Path(bandwidth.__file__).parent; "
            "print(p, (p / 'py.typed').exists())",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert str(ROOT) not in out[0]
    assert out[1] == "True"


def test_type_checkers_see_the_installed_types(installed: Path, tmp_path: Path) -> None:
    script = tmp_path / "user_code.py"
    script.write_text(USER_CODE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            str(installed / "bin" / "python"),
            str(script),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    # The only error is the deliberate one: proof that types flowed from the wheel.
    assert (
        'Incompatible types in assignment (expression has type "CallState", '
        'variable has type "int")' in result.stdout
    ), result.stdout
    assert "Found 1 error" in result.stdout, result.stdout
