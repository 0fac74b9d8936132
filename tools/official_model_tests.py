"""Run the official SDK's model unit tests against this package and print the tally.

    python tools/official_model_tests.py PATH

``PATH`` holds the official ``test/unit/models`` folder: the unpacked wheel
(``pip download --no-deps bandwidth-sdk==23.3.1``, then unzip it; the wheel
ships its tests) or a checkout of ``Bandwidth/python-sdk``. The files are copied
to a temporary folder, so ``import bandwidth`` is this checkout's package, and
run with pytest; a file that cannot be imported counts as one error. The tally
is by API: Voice (the hand-written models), each other product (as the docs
group the generated models), and BXML. Exits 1 when any test does not pass.
The test suite never needs these files: they are not in this repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "docs")]

from model_pages import product_of  # noqa: E402

import bandwidth.models  # noqa: E402

HEADER = "# Generated from spec/bandwidth.yml"
UNKNOWN = "(module not in this package)"


def models_folder(path: Path) -> Path:
    """The folder of ``test_*.py`` files under ``path``."""
    for candidate in (path / "test" / "unit" / "models", path / "unit" / "models", path):
        if any(candidate.glob("test_*.py")):
            return candidate
    raise SystemExit(f"no test_*.py under {path} (expected test/unit/models)")


def area_of_module() -> Dict[str, str]:
    """Each model module of this package -> its API (``Voice`` for hand-written ones)."""
    folder = Path(bandwidth.models.__file__).parent
    module_of = dict(bandwidth.models._MODULES)
    generated = [
        name
        for name, module in module_of.items()
        if (folder / f"{module}.py").is_file()
        and (folder / f"{module}.py").read_text(encoding="utf-8").startswith(HEADER)
    ]
    products = product_of(generated)
    return {module: products.get(name, "Voice") for name, module in module_of.items()}


def run(folder: Path, work: Path) -> Path:
    """Copy the tests into ``work`` and run them; the JUnit report's path."""
    target = work / "test" / "unit" / "models"
    shutil.copytree(folder, target)
    for package in (work / "test", work / "test" / "unit", target):
        (package / "__init__.py").touch()
    report = work / "junit.xml"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += ["--continue-on-collection-errors", f"--junitxml={report}", str(target)]
    subprocess.run(command, cwd=work, env=env, stdout=subprocess.DEVNULL, check=False)
    return report


def outcomes(report: Path) -> List[Tuple[str, str, str, str]]:
    """``(file, test, outcome, first line of the message)`` for every test case."""
    rows = []
    for case in ET.parse(report).getroot().iter("testcase"):
        dotted = case.get("classname") or case.get("name", "")
        parts = dotted.split(".")
        index = next(i for i, part in enumerate(parts) if part.startswith("test_"))
        where = "/".join(parts[3 : index + 1]) + ".py"  # after test.unit.models
        outcome, message = "pass", ""
        for kind in ("failure", "error", "skipped"):
            found = case.find(kind)
            if found is not None:
                outcome = {"failure": "fail", "skipped": "skip"}.get(kind, kind)
                text = (found.text or found.get("message") or "").strip().splitlines()
                errors = [line for line in text if line.startswith("E ")]
                message = (errors or text or [""])[0][:160]
                break
        rows.append((where, case.get("name", ""), outcome, message))
    return rows


def main() -> int:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    folder = models_folder(Path(sys.argv[1]).resolve())
    areas = area_of_module()
    with tempfile.TemporaryDirectory() as work:
        rows = outcomes(run(folder, Path(work)))
    tally: Dict[str, Counter[str]] = {}
    for where, _, outcome, _ in rows:
        module = where[len("test_") : -len(".py")]
        area = "BXML" if where.startswith("bxml/") else areas.get(module, UNKNOWN)
        tally.setdefault(area, Counter())[outcome] += 1
    print(f"{'area':<30} {'tests':>5} {'pass':>5} {'fail':>5} {'error':>5}")
    for area, counts in sorted(tally.items()):
        total = sum(counts.values())
        print(f"{area:<30} {total:>5} {counts['pass']:>5} {counts['fail']:>5} {counts['error']:>5}")
    files = {where for where, *_ in rows}
    passed = sum(1 for row in rows if row[2] == "pass")
    print(f"{len(files)} files, {len(rows)} tests: {passed} pass")
    for where, test, outcome, message in rows:
        if outcome != "pass":
            print(f"{outcome:5} {where} {test}: {message}")
    return 0 if passed == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
