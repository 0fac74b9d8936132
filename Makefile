# Two commands a newcomer needs (see README): `make demo` and `make test`.
# Everything they depend on (a virtualenv, the package, dev tools, Prism) is
# installed here, on demand, into this checkout. CONTRIBUTING.md has the rest.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# Every Python the package claims (pyproject.toml's classifiers; a test keeps them equal).
# Each runs in a venv of its own, .venv-X.Y, with the interpreter .ci/find-python finds.
PYTHONS        := 3.9 3.10 3.11 3.12 3.13
# The oldest Python the floors install on, for test-floors.
FLOORS_PYTHON  := 3.9

.PHONY: demo test check lint typecheck pytest prism spec clean test-all-pythons test-floors \
	$(PYTHONS:%=pytest-%)

## demo: install the SDK and walk one call through its life on the built-in simulator
demo: $(VENV)/.runtime
	$(BIN)/bandwidth demo

## test: install everything and run every check: lint, types and every test on python3, the
## oldest and the newest Python, and the lowest dependency versions (what CI runs: .ci/run)
test: check pytest-$(firstword $(PYTHONS)) pytest-$(lastword $(PYTHONS)) test-floors

## check: the quick loop: lint, types and every test on python3 (.venv) only
check: $(VENV)/.dev prism lint typecheck pytest

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

## test-all-pythons: the test suite on every supported Python (3.9 to 3.13), one after another
test-all-pythons: $(PYTHONS:%=pytest-%)

## pytest-X.Y: the test suite on Python X.Y, in .venv-X.Y (lint and mypy run in `make check`)
$(PYTHONS:%=pytest-%): pytest-%: .venv-%/.dev prism
	.venv-$*/bin/python -m pytest -q

## test-floors: the test suite with the lowest dependency versions pyproject.toml allows
test-floors: .venv-floors/.dev prism
	.venv-floors/bin/python .ci/floors.py --verify
	.venv-floors/bin/python -m pytest -q

## spec: replace the vendored OpenAPI file (make spec SPEC_SOURCE=path); see spec/README.md
spec:
	@test -n "$(SPEC_SOURCE)" || { echo "usage: make spec SPEC_SOURCE=path/to/bandwidth.yml" >&2; exit 2; }
	cp "$(SPEC_SOURCE)" spec/bandwidth.yml
	@echo "now record this sha256 (and the source commit) in spec/README.md:"
	@sha256sum spec/bandwidth.yml

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.runtime

.PRECIOUS: .venv-%/.dev  # a stamp, not a leftover: keep the venv between runs
.venv-%/.dev: pyproject.toml
	rm -rf .venv-$*
	python=$$(.ci/find-python $*) && "$$python" -m venv .venv-$*
	.venv-$*/bin/python -m pip install -q --upgrade pip
	.venv-$*/bin/python -m pip install -q -e '.[dev]'
	touch $@

# The floors as constraints: pip picks dev tools that accept them, and fails if none do.
.venv-floors/.dev: pyproject.toml .ci/floors.py
	rm -rf .venv-floors
	python=$$(.ci/find-python $(FLOORS_PYTHON)) && "$$python" -m venv .venv-floors
	.venv-floors/bin/python -m pip install -q --upgrade pip
	.venv-floors/bin/python .ci/floors.py > .venv-floors/floors.txt
	.venv-floors/bin/python -m pip install -q -c .venv-floors/floors.txt -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) .venv-* build dist *.egg-info tools/prism/node_modules
