# Two commands a newcomer needs (see README): `make demo` and `make test`.
# Everything they depend on (a virtualenv, the package, dev tools, Prism) is
# installed here, on demand, into this checkout.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint typecheck pytest prism clean

## demo: install the SDK and walk one call through its life on the built-in simulator
demo: $(VENV)/.runtime
	$(BIN)/bandwidth demo

## test: install everything and run every check (lint, types, all tests)
test: $(VENV)/.dev prism lint typecheck pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check bandwidth tests examples bench docs
	$(BIN)/ruff format --check bandwidth tests examples bench docs

typecheck: $(VENV)/.dev
	$(BIN)/mypy --strict bandwidth
	$(BIN)/python tools/verifytypes.py

pytest: $(VENV)/.dev
	$(BIN)/python -m pytest -q

prism:
	BANDWIDTH_REQUIRE_PRISM=1 bash tools/prism/install.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.runtime

clean:
	rm -rf $(VENV) build dist *.egg-info tools/prism/node_modules
