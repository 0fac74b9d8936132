"""What goes to PyPI: the sdist and the wheel built from it, as ``python -m build`` makes them.

The wheel is installed into a fresh venv and used outside the source tree;
its metadata (version, Pythons, URLs, floors) and its description (the PyPI
page, from PYPI.md: absolute links, examples that run) are checked; the
sdist must be the whole tracked tree, so that its test suite runs.
"""

from __future__ import annotations

import email
import email.message
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any, Set

import pytest

import bandwidth
from tests.repo._examples import examples_ran, python_blocks

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


#: The one public address this package may link to: Bandwidth's API documentation (the spec's
#: ``info.contact.url``). The SDK has no public repository; its docs ship in the sdist (docs/).
DOCUMENTATION = "https://dev.bandwidth.com"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build``: the sdist, then the wheel built from that sdist (as PyPI gets them)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "-q", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("bandwidth_sdk-*.whl")
    return found


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    (found,) = dist.glob("bandwidth_sdk-*.tar.gz")
    return found


@pytest.fixture(scope="module")
def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("wheel") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True
    )
    return venv


def test_wheel_contents(wheel: Path) -> None:
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


# -- metadata --------------------------------------------------------------------------


def test_the_version_is_written_once(metadata: email.message.Message) -> None:
    """pyproject.toml reads bandwidth.__version__; no other file spells the version."""
    assert metadata["Version"] == bandwidth.__version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    project = pyproject.split("\n[project]\n", 1)[1].split("\n[", 1)[0]
    assert not re.search(r"^version\s*=", project, re.MULTILINE)


def test_python_versions_claimed_are_the_ones_tested(metadata: email.message.Message) -> None:
    claimed = [
        c.rsplit(" :: ", 1)[1]
        for c in metadata.get_all("Classifier") or []
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    tested = re.search(r"^PYTHONS\s*:=\s*(.+)$", makefile, re.MULTILINE)
    assert tested is not None
    assert claimed == tested.group(1).split()
    assert metadata["Requires-Python"] == f">={claimed[0]}"
    ci = re.search(r"^test:(.*)$", makefile, re.MULTILINE)
    assert ci is not None
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("make test")
    # `make test` (what CI runs) covers the oldest and the newest claimed Python too.
    assert "pytest-$(firstword $(PYTHONS))" in ci.group(1)
    assert "pytest-$(lastword $(PYTHONS))" in ci.group(1)


def test_metadata_for_pypi(metadata: email.message.Message) -> None:
    classifiers = metadata.get_all("Classifier") or []
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert "Typing :: Typed" in classifiers
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL") or [])
    assert set(urls) == {"Homepage", "Documentation"}
    for url in urls.values():
        assert url == DOCUMENTATION or url.startswith(DOCUMENTATION + "/"), url
    assert metadata["License-Expression"] == "MIT"
    floors = {
        re.split(r"[<>=!; ]", r, maxsplit=1)[0]: r for r in metadata.get_all("Requires-Dist") or []
    }
    assert floors["urllib3"] == "urllib3<3,>=2.1"  # 2.0 cannot take CA data (TLS from PEM text)


# -- the description on PyPI -----------------------------------------------------------


def test_the_description_links_are_absolute(metadata: email.message.Message) -> None:
    description = metadata.get_payload()
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert isinstance(description, str) and description.startswith("# bandwidth-sdk")
    targets = re.findall(r"\]\(([^)\s]+)\)", description)
    targets += re.findall(r"(?:href|src)=[\"']([^\"']+)", description)
    targets += re.findall(r"^\[[^\]]+\]:\s*(\S+)", description, re.MULTILINE)  # [ref]: url
    assert len(targets) >= 3
    for target in targets:
        assert target.startswith("https://"), f"relative link on PyPI: {target}"
        # only real addresses: Bandwidth's documentation (the SDK's own docs are in the sdist)
        assert target == DOCUMENTATION or target.startswith(DOCUMENTATION + "/"), target
    # Written for someone who ran pip, not for a clone.
    assert "pip install bandwidth-sdk" in description
    assert "make " not in description and ".venv" not in description


def test_the_description_examples_run(
    metadata: email.message.Message, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    description = metadata.get_payload()
    assert isinstance(description, str)
    assert len(python_blocks(description)) >= 3
    with examples_ran(description, "the PyPI description", monkeypatch) as sim:
        assert len(sim.requests_for("create_call")) == 1  # the real-API example
    assert "answered" in capsys.readouterr().out


# -- the sdist -------------------------------------------------------------------------

#: What the sdist adds to the tracked files: its metadata.
_SDIST_ADDS = re.compile(r"PKG-INFO|setup\.cfg|bandwidth_sdk\.egg-info/.*")


def _tracked_files() -> Set[str]:
    """The files of this tree: ``git ls-files``, or (an unpacked sdist) every file here."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        return {name for name in listed.split("\0") if name and (ROOT / name).exists()}
    return {
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and not _SDIST_ADDS.fullmatch(str(p.relative_to(ROOT)))
        and not any(
            part.startswith((".venv", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache"))
            for part in p.parts
        )
        and p.relative_to(ROOT).parts[0] not in ("build", "dist")
        and "node_modules" not in p.parts
    }


def test_the_sdist_holds_the_whole_tree(sdist: Path) -> None:
    """A complete source: every tracked file, so its test suite can run (and nothing else)."""
    with tarfile.open(sdist) as archive:
        top = f"bandwidth_sdk-{bandwidth.__version__}/"
        names = {m.name[len(top) :] for m in archive.getmembers() if m.isfile()}
    shipped = {name for name in names if not _SDIST_ADDS.fullmatch(name)}
    assert shipped == _tracked_files()
    for needed in ("tests/conftest.py", "tests/support/wire.py", "spec/bandwidth.yml"):
        assert needed in shipped


def test_the_sdist_test_suite_runs(sdist: Path, tmp_path: Path) -> None:
    """Unpacked, the sdist's tests collect, and a sample runs against the sdist's own code."""
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # 3.12+, and security releases of 3.9-3.11
            archive.extractall(tmp_path, filter="data")
        else:  # pragma: no cover - older patch releases
            archive.extractall(tmp_path)  # our own archive, just built
    (source,) = tmp_path.iterdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env["PYTHONPATH"] = str(source)  # ahead of the editable install of this tree
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only"],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
    count = re.search(r"^(\d+) tests collected", collected.stdout, re.MULTILINE)
    assert count is not None and int(count.group(1)) > 1000, collected.stdout[-500:]
    sample = [
        "tests/bxml",
        "tests/repo/test_docs.py",
        "tests/repo/test_readme.py",
        "tests/repo/test_bench_readme.py",
        "tests/sdk/test_configuration.py",
    ]
    where = "import bandwidth, sys; sys.stdout.write(bandwidth.__file__)"
    found = subprocess.run(
        [sys.executable, "-c", where], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert found.stdout.startswith(str(source)), found.stdout + found.stderr
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *sample],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]


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
