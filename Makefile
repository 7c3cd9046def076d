# Two commands on a fresh clone:  `make run` (install, ingest seeds/, serve on 127.0.0.1:8000)  and  `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run ingest serve test lint pytest eval lock clean

install: $(STAMP)

# torch first, from its CPU build, or pip pulls a multi-GB CUDA build for sentence-transformers.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install ingest serve

ingest: install
	$(BIN)/citewire ingest

serve: install
	$(BIN)/citewire serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

eval: install
	$(BIN)/citewire eval

test: lint pytest eval

# Refresh requirements.lock from the current environment (after changing pyproject.toml).
lock:
	$(BIN)/pip freeze --exclude-editable | grep -v "^citewire" | sed "s/+cpu$$//" > requirements.lock

clean:
	rm -rf data evals/reports
