# Two commands set everything up: `make run` and `make test` (each installs into .venv if needed).
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: install run test test-fast lint bench evaluation combiner notebooks clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The CPU build of torch lies on this machine's disk; a bare `torch` would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	HF_HUB_OFFLINE=1 $(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: install
	$(VENV)/bin/ruff check .
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest

# Unit tests with the fake encoder: no model, no browser, no subprocess-heavy tests (seconds).
test-fast: install
	$(VENV)/bin/pytest -m "not slow" -q

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check matcher tests app.py webapp app_pages bench tools

bench: install
	HF_HUB_OFFLINE=1 $(PY) bench/bench_query.py
	HF_HUB_OFFLINE=1 $(PY) bench/bench_batch.py
	HF_HUB_OFFLINE=1 $(PY) bench/bench_cold_start.py

CORPUS ?= ../shared/corpus

# The README's evaluation tables: ranking per catalogue and channel (CV on the tune split, the test split),
# grader agreement, and the profile reading's precision/recall.
evaluation: install
	MATCHER_CORPUS_DIR=$(CORPUS) $(PY) tools/evaluation_table.py

# Relearn how the channels combine, from the tune splits only (writes matcher/data/combiner.json).
combiner: install
	$(PY) tools/train_combiner.py data/eval/graded-default.jsonl=default data/eval/graded-2026-03.jsonl=$(CORPUS)/lfx/2026-03.md

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts

notebooks: install
	HF_HUB_OFFLINE=1 $(PY) tools/execute_notebooks.py
