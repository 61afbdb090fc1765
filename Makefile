# The targets people use. `make run` and `make test` set everything up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint format bench profile alarms load train demo golden clean engine system-deps

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

engine: $(VENV)/.installed
	$(PY) -m checker install-engine

setup: $(VENV)/.installed engine

# Debian packages the browser tests need (root only; prints what to do otherwise), and axe-core.
system-deps:
	@sh scripts/system-deps.sh
	@sh scripts/browser-deps.sh

run: setup
	$(PY) -m checker serve --host $(HOST) --port $(PORT)

demo: setup
	-$(PY) -m checker check tests/data/seed-irna.txt

test: setup system-deps
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The checker against raw LanguageTool on one server (docs/benchmarks.md, which it rewrites between
# its markers): about 20 minutes; QUICK=1 for a short run. Not part of `make test`.
bench: setup
	$(PY) bench/run.py $(if $(QUICK),--quick)

# Where the checker's own time goes (pyinstrument; LanguageTool's answers replayed).
profile: setup
	$(PY) bench/profile.py

# False alarms on the clean corpus and recall on planted errors (tests/quality/), LanguageTool
# alone against the checker; writes docs/quality.md. Not part of `make test`.
alarms: setup
	$(PY) bench/alarms.py

# Bounded load on the web app, 127.0.0.1 only: 16, 32 and 64 clients, then a 90 s soak with
# memory samples (LOAD_ARGS=--help lists the options); figures in docs/reliability.md.
# Not part of `make test`.
load: setup
	$(PY) bench/load.py $(LOAD_ARGS)

# Rebuilds the learned layer's model (checker/learned/) with training/ from ../shared/ and a fixed
# seed; asks LanguageTool about every training sentence once (cached in ~/.cache/wirecheck/learned/).
# Not part of `make test`; then run `make alarms` for the figures.
train: setup
	$(PY) -m pip install --quiet -r requirements-train.txt
	$(PY) -m training.train

# Rewrites every golden file from what the checker finds now; read the diff before committing.
golden: setup
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/golden

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
