# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test test-fast install install-test confidence clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	$(BIN)/missive demo

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install-test
	$(BIN)/python -m pytest -m 'not model and not browser' $(PYTEST_ARGS)

# Refit the confidence weights (src/missive/data/confidence.csv) on the devset with the current extraction.
confidence: install-test
	$(BIN)/pip install --quiet -e '.[test,dev]'
	$(BIN)/python scripts/fit_confidence.py

clean-venv:
	rm -rf $(VENV)
