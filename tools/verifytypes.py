#!/usr/bin/env python3
"""``pyright --verifytypes bandwidth``: is every public name's type known to every checker?

Run by ``make typecheck``. Pyright reads a package the way users get it, so
this installs the working tree non-editable into a temporary directory
(``pip install --no-deps --target``; an editable install hides the package
from pyright) and points pyright's interpreter at it with ``PYTHONPATH``. It
installs from a clean copy of the source: setuptools reuses a ``build/``
folder in the tree, which can hold modules since deleted.
Exits non-zero unless the type completeness score is 100%.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "node_modules", "__pycache__", ".*_cache"
)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bandwidth-verifytypes-") as scratch:
        source, target = os.path.join(scratch, "source"), os.path.join(scratch, "installed")
        shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, "."],
            cwd=source,
            check=True,
        )
        env = dict(os.environ, PYTHONPATH=target)
        result = subprocess.run(
            [sys.executable, "-m", "pyright", "--verifytypes", "bandwidth", "--ignoreexternal"],
            cwd=target,
            env=env,
            capture_output=True,
            text=True,
        )
    output = result.stdout + result.stderr
    if f"{target}/bandwidth" not in output.replace("\\", "/"):
        print(output)
        print("verifytypes: pyright did not read the installed package", file=sys.stderr)
        return 1
    score = [line for line in output.splitlines() if "Type completeness score" in line]
    if result.returncode != 0 or score != ["Type completeness score: 100%"]:
        print(output.replace(target, "<installed>"))
        return result.returncode or 1
    print(f"pyright --verifytypes bandwidth: {score[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
