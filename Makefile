# Samspill: `make demo` to try it, `make test` to test it. Everything installs itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_SIZE ?= 3000
export DJANGO_SETTINGS_MODULE := samspill.settings

.PHONY: demo demo-reset install messages test test-fast lint fmt migrations-check bench clean

LOCALE := src/samspill/locale/nb/LC_MESSAGES

## install: virtual environment, pinned Python packages, front-end assets, the compiled
## Norwegian catalogue (quick when done)
install: $(VENV)/.installed node_modules/.installed $(LOCALE)/django.mo $(LOCALE)/djangojs.mo

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Compiled with Babel (a Python package), so a fresh machine needs no GNU gettext.
$(LOCALE)/django.mo: $(LOCALE)/django.po | $(VENV)/.installed
	$(BIN)/pybabel compile --domain django --directory src/samspill/locale --locale nb

# The admin's JavaScript texts (kept by hand, not gathered by `make messages`).
$(LOCALE)/djangojs.mo: $(LOCALE)/djangojs.po | $(VENV)/.installed
	$(BIN)/pybabel compile --domain djangojs --directory src/samspill/locale --locale nb

## messages: gather every msgid from Python and templates into locale/nb (needs GNU gettext),
## give new ones their bokmål text as msgstr (msgids are bokmål), compile
messages: export DJANGO_DEBUG = 1
messages: $(VENV)/.installed
	cd src/samspill && ../../$(PY) ../../manage.py makemessages --locale nb --no-location \
	  --no-wrap --no-obsolete --ignore 'tests/*' --ignore 'migrations/*' --ignore 'demo/*'
	msgen --no-wrap --output-file $(LOCALE)/django.po $(LOCALE)/django.po
	$(BIN)/pybabel compile --domain django --directory src/samspill/locale --locale nb

## demo: install, create the SQLite database, load demo data once, serve on http://127.0.0.1:8000
demo: export DJANGO_DEBUG = 1
demo: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo --if-empty --size $(DEMO_SIZE)
	$(PY) manage.py runserver $(HOST):$(PORT)

## demo-reset: wipe the demo database and start again from fresh demo data
demo-reset: export DJANGO_DEBUG = 1
demo-reset: install
	rm -f var/samspill.sqlite3 var/samspill.sqlite3-wal var/samspill.sqlite3-shm
	@$(MAKE) --no-print-directory demo

## test: the whole suite (SQLite by default; set DATABASE_URL for PostgreSQL)
test: install
	$(BIN)/pytest -q -n 2 --dist loadgroup

## lint: ruff, formatting, mypy (strict), the import layers and missing migrations
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/mypy
	$(BIN)/lint-imports --no-logo
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: benchmarks, one `name value unit` line per figure
bench: install
	DJANGO_DEBUG=1 $(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var .mypy_cache .ruff_cache
