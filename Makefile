# Two commands on a fresh machine:  `make demo`  and  `make test`.
# Both create/refresh the virtualenv in .venv and install microlad into it first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# torch==2.13.0 is named in the same pip command so pip takes the local CPU wheel
# (a bare `torch` would pull a multi-GB CUDA build); the code itself works with torch>=2.2.
TORCH  ?= torch==2.13.0

.PHONY: demo test test-browser venv sync-check clean

venv: $(STAMP)

$(STAMP): setup.py settings.ini
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "$(TORCH)" -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/microlad demo --out out/demo

sync-check: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" sh tools/check_sync.sh

# Two workers on CI's two cores, one torch thread each (oversubscribing threads is much slower).
test: sync-check
	OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --timing
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -n 2 -m "not slow" tests
	$(MAKE) test-browser

# Real-browser check of the widgets (installs Debian chromium + npm playwright-core if missing;
# skips with the reason when they cannot be installed).
test-browser: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -m slow -rs tests/test_browser.py

clean:
	rm -rf $(VENV) out _proc _docs
