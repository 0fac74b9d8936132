#!/usr/bin/env python3
"""``pyright --verifytypes bandwidth``: is every public name's type known to every checker?

Run by ``make typecheck``. Pyright reads a package the way users get it, so
this installs the working tree non-editable into a temporary directory
(``pip install --no-deps --target``; an editable install hides the package
from pyright) and points pyright's interpreter at it with ``PYTHONPATH``.
Exits non-zero unless the type completeness score is 100%.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bandwidth-verifytypes-") as target:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, "."],
            cwd=ROOT,
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
