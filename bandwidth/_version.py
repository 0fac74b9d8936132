"""The package version, written once: ``pyproject.toml`` reads it (without importing) and
``bandwidth.__version__`` re-exports it. Modules that need it import it from here, not from
the package root, so nothing below the root depends on the root."""

__version__ = "24.0.0"
