"""``python -m bandwidth``: the ``bandwidth`` command line."""

from bandwidth.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
