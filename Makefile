# dateline: the two commands that do all set-up on a fresh machine are `make run` and
# `make test`. Both create the virtualenv in .venv when it is missing and (re)install the
# package only when pyproject.toml changed since the last install (stamp files in .venv).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= dateline.db
EXAMPLES := src/dateline/examples/articles
EXAMPLES_JSONL := src/dateline/examples/examples.jsonl
STAMP := $(VENV)/.dateline-installed
DEV_STAMP := $(VENV)/.dateline-installed-dev

.PHONY: help run test lint typecheck unit system-deps eval bench fuzz lock clean distclean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "dateline needs Python 3.11 or newer; run e.g. make PYTHON=python3.12" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Dependencies come from the lock files (exact versions, hashes checked), then the package
# itself without resolving anything: the same install on every machine, so BENCHMARKS.md
# figures can be reproduced. `make lock` rewrites the locks after pyproject.toml changes.
# The locks are complete resolutions, so they install with --no-deps (pip's hash mode cannot
# pin justext's `lxml[html_clean]`, an extra lxml 6 no longer has); pip check then confirms
# every requirement is met.
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
LOCK_RUN := requirements/run.lock
LOCK_DEV := requirements/dev.lock

$(STAMP): pyproject.toml $(LOCK_RUN) | $(BIN)/python
	$(PIP) --no-deps --require-hashes -r $(LOCK_RUN)
	$(PIP) --no-deps -e .
	$(BIN)/python -m pip check --quiet
	@touch $@

# The dev lock includes everything in the runtime one, so it satisfies the runtime stamp too.
$(DEV_STAMP): pyproject.toml $(LOCK_DEV) | $(BIN)/python
	$(PIP) --no-deps --require-hashes -r $(LOCK_DEV)
	$(PIP) --no-deps -e .
	$(BIN)/python -m pip check --quiet
	@touch $@ $(STAMP)

LOCK_FLAGS := --custom-compile-command "make lock" --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu -q
# uv from the dev virtualenv, else the one on PATH (the lock must be rewritable before the
# virtualenv can be installed from it)
UV ?= $(if $(wildcard $(BIN)/uv),$(BIN)/uv,uv)
lock:  ## rewrite requirements/*.lock from pyproject.toml (needs uv and the package index)
	$(UV) pip compile pyproject.toml --extra web $(LOCK_FLAGS) -o $(LOCK_RUN)
	$(UV) pip compile pyproject.toml --extra dev $(LOCK_FLAGS) -o $(LOCK_DEV)

run: $(STAMP)  ## analyze the bundled example articles into dateline.db and show what was found
	$(BIN)/dateline ingest $(EXAMPLES) $(EXAMPLES_JSONL) --db $(DB) --quiet
	@echo; echo "== Articles"; $(BIN)/dateline articles --db $(DB)
	@echo; echo "== Most-mentioned actors"; $(BIN)/dateline actors --db $(DB) --limit 12
	@echo; echo "== Quotes (newest articles first)"; $(BIN)/dateline quotes --db $(DB) --limit 12
	@echo; echo "== Events"; $(BIN)/dateline events --db $(DB) --limit 15
	@echo; echo "== Stories reported by more than one article"; \
	  $(BIN)/dateline stories --db $(DB) --min-articles 2 --limit 10
	@n=$$($(BIN)/dateline articles --db $(DB) --format jsonl --limit 100000 | wc -l); \
	  echo; \
	  echo "$$n articles in $(DB) (from $(EXAMPLES)/ and $(EXAMPLES_JSONL))."; \
	  echo "Next: $(BIN)/dateline get ID --db $(DB)          (one full analysis record)"; \
	  echo "      $(BIN)/dateline serve --db $(DB)           (the web UI on http://127.0.0.1:8000)"; \
	  echo "      $(BIN)/dateline export --db $(DB) --format gdelt --out gdelt/"

test: lint typecheck unit  ## ruff (lint and format check), mypy and pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests fuzz
	$(BIN)/ruff format --check src tests fuzz

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

# What the tests start for real, from Debian's packages (installed when missing): a
# PostgreSQL server for the store tests, Chromium and its driver for the web UI tests.
# Java (for PySpark local[2]) is expected on the machine; see README.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_NEEDED = $(strip \
  $(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql) \
  $(if $(wildcard /usr/bin/chromium),,chromium) \
  $(if $(wildcard /usr/bin/chromedriver),,chromium-driver))
system-deps:
	@if [ -n "$(APT_NEEDED)" ]; then \
	  echo "installing Debian packages the tests need: $(APT_NEEDED)"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_NEEDED); \
	fi

# pytest exits 5 when it collected no tests; like any non-zero status, that fails the target.
unit: $(DEV_STAMP) system-deps
	$(BIN)/pytest -q

eval: $(DEV_STAMP)  ## measured quality over the gold sets in ../shared (see BENCHMARKS.md)
	$(BIN)/dateline eval extraction --quiet
	$(BIN)/dateline eval quotes
	$(BIN)/dateline eval events
	$(BIN)/dateline eval events --plv
	$(BIN)/dateline eval articles

bench: $(DEV_STAMP)  ## measured speed: extraction against trafilatura, NLP stages against spaCy
	$(BIN)/dateline bench extraction
	$(BIN)/dateline bench nlp
	$(BIN)/dateline bench pipeline
	$(BIN)/dateline bench web
	$(BIN)/dateline bench watch

FUZZ_MINUTES ?= 2
fuzz: $(DEV_STAMP)  ## fuzz the HTML and text extractors with hypothesis (FUZZ_MINUTES=2)
	$(BIN)/python fuzz/fuzz_extract.py --minutes $(FUZZ_MINUTES)

clean:  ## remove caches, build output and the example database (keeps .venv)
	rm -rf build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f $(DB) $(DB)-journal $(DB)-wal $(DB)-shm
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean  ## clean, and remove the virtualenv too
	rm -rf $(VENV)
