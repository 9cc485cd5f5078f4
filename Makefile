# Conflict Timeline — every task a developer or CI runs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test lint fmt bench bench-web bench-ingest e2e score score-types agreement gazetteer clean

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the app with its test tools

run: $(STAMP)  ## install, migrate, load the demo articles into an empty database, serve on :8000
	$(PY) -m app serve --host 127.0.0.1 --port 8000

test: $(STAMP)  ## install and run every test (Chromium for browser tests; PostgreSQL too when one answers)
	PY=$(PY) scripts/run_tests.sh

lint: $(STAMP)  ## ruff (lint + format check) and mypy
	$(PY) -m ruff check app tests scripts migrations
	$(PY) -m ruff format --check app tests scripts migrations
	$(PY) -m mypy app

fmt: $(STAMP)  ## format the code and apply safe lint fixes
	$(PY) -m ruff format app tests scripts migrations
	$(PY) -m ruff check --fix app tests scripts migrations

bench: $(STAMP)  ## extraction speed on ../shared/corpus beside plain dateparser.search_dates
	$(PY) scripts/bench.py

bench-web: $(STAMP)  ## timeline page render times at 100k events beside 1k (builds data/bench/ once)
	$(PY) scripts/bench_web.py

bench-ingest: $(STAMP)  ## bulk ingest: corpus x 10,000 articles into SQLite (and PostgreSQL when set)
	$(PY) scripts/bench_ingest.py

e2e: $(STAMP)  ## browser tests only (Playwright in Debian's /usr/bin/chromium; screenshots in test-artifacts/)
	$(PY) -m pytest tests/e2e -q

SHARED := ../shared
# the development and held-out sets (the blind ones are scored by hand, see tests/data/README-annotations.md)
SCORED_SETS := dev holdout dev2 dev3 dev4 dev6 dev7 dev9 dev10 dev13 dev14 dev16 dev17 dev18 dev19 dev20
score: $(STAMP)  ## extraction quality: the dev article, our corpus sets (SCORED_SETS) and TempEval-3, via the HTTP API
	@if [ ! -f $(SHARED)/eval/score.py ]; then echo "no $(SHARED)/eval/score.py here: nothing to score"; exit 0; fi; \
	set -e; \
	echo "== $(SHARED)/eval/events-dev.jsonl"; \
	$(PY) $(SHARED)/eval/score.py events $(SHARED)/eval/events-dev.jsonl; \
	for set in $(SCORED_SETS); do \
	  echo "== tests/data/events-corpus-$$set.jsonl"; \
	  $(PY) $(SHARED)/eval/score.py events tests/data/events-corpus-$$set.jsonl --corpus $(SHARED)/corpus/ukraine-news.jsonl; \
	done; \
	echo "== TempEval-3 platinum"; \
	$(PY) $(SHARED)/eval/score.py tempeval $(SHARED)/eval/tempeval3/platinum.jsonl; \
	echo "== dateparser baseline, $(SHARED)/eval/events-dev.jsonl"; \
	$(PY) $(SHARED)/eval/score.py --baseline dateparser events $(SHARED)/eval/events-dev.jsonl

score-types: $(STAMP)  ## event types (ACLED) against blind-typed gold events, beside the most common type
	$(PY) scripts/score_types.py

agreement: $(STAMP)  ## how far two annotators agree on the sets annotated twice (the ceiling for `make score`)
	$(PY) scripts/annotator_agreement.py

gazetteer: $(STAMP)  ## rebuild app/extract/resources/gazetteer.tsv from its licensed sources
	$(PY) -m pip install --quiet -e ".[gazetteer]"
	$(PY) scripts/build_gazetteer.py

clean:  ## remove the virtual environment and caches (keeps data/)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
