# Two commands on a fresh clone:  `make run` (install, ingest seeds/, serve on 127.0.0.1:8000)  and  `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run ingest serve test lint pytest eval lock clean chromium

install: $(STAMP)

# llama.cpp is compiled here. A native build (-march=native) uses every instruction the CPU reports, AMX among
# them, and AMX tile instructions fault where the kernel or sandbox does not grant them (seen here: a general
# protection fault at ldtilecfg). So on x86_64 it is built for AVX2, which any recent x86_64 runs, never from
# pip's wheel cache (the cache key ignores CMAKE_ARGS). Not AVX-512 either, though this machine has it: it made
# answers faster but not the same answers (see the README). The multimodal library (mtmd) is not built: citewire
# reads text.
LLAMA_CPP := $(shell grep -i '^llama[-_]cpp[-_]python==' requirements.lock)
LLAMA_X86 := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
LLAMA_CMAKE_ARGS := -DLLAVA_BUILD=OFF $(if $(filter x86_64,$(shell uname -m)),$(LLAMA_X86))

# torch first, from its CPU build, or pip pulls a multi-GB CUDA build for sentence-transformers.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --quiet --no-cache-dir "$(LLAMA_CPP)"
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

# The page's tests drive Debian's Chromium; installed here (as root, as in CI) when it is missing.
chromium:
	@command -v chromium >/dev/null || { test "$$(id -u)" = 0 || { echo "install Debian's chromium package (as root)"; exit 1; }; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; }

pytest: install chromium
	$(BIN)/pytest

eval: install
	$(BIN)/citewire eval

test: lint pytest eval

# Refresh requirements.lock from the current environment (after changing pyproject.toml).
lock:
	$(BIN)/pip freeze --exclude-editable | grep -v "^citewire" | sed "s/+cpu$$//" > requirements.lock

clean:
	rm -rf data evals/reports
