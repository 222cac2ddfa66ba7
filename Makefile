# Two commands for everyone (see README.md):
#   make serve   build the sample site and serve it on http://127.0.0.1:8000
#   make test    run the whole test suite (lint, unit, build and browser tests)
# Both create .venv and install the pinned dependencies on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: serve test build livereload clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

serve: $(STAMP)
	$(BIN)/invoke run

build: $(STAMP)
	$(BIN)/invoke build

livereload: $(STAMP)
	$(BIN)/invoke livereload

test: $(STAMP)
	bash scripts/system-deps.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) output .cache
