# Sanctuary Award platform. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# pip here is configured with local package mirrors that may be absent; hide its notices.
QUIET_PIP := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3
# A random key for the production settings check; never used to serve anything.
CHECK_SECRET := check-deploy-only-$(shell date +%s%N)-not-a-real-secret-key-0123456789abcdef

.PHONY: help run demo migrate test test-sqlite test-postgres lint check-deploy bench worker lock messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip $(QUIET_PIP)
	$(PY) -m pip install --quiet -r requirements.lock $(QUIET_PIP)
	touch $@

venv: $(VENV)/.installed ## Create the virtual environment and install the locked dependencies

migrate: venv ## Apply database migrations
	$(PY) manage.py migrate --no-input

demo: migrate ## Load (or refresh) the demo data
	$(PY) manage.py load_demo_data

run: demo ## Install, migrate, load demo data and serve on http://127.0.0.1:$(PORT)
	@echo "Serving on http://127.0.0.1:$(PORT)  (demo accounts: see README)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: venv ## Run the background task worker (production runs this as its own process)
	$(PY) manage.py db_worker

lint: venv ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-deploy: venv ## Django's deployment checks against the production settings
	SECRET_KEY=$(CHECK_SECRET) ALLOWED_HOSTS=awards.example.org DJANGO_SETTINGS_MODULE=cms.settings.production \
		$(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: venv ## The whole pytest suite on SQLite (browser tests included)
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS)
	env -u DATABASE_URL $(PY) -m pytest -m e2e $(PYTEST_ARGS)

test-postgres: venv ## The whole pytest suite on the PostgreSQL named by DATABASE_URL
	@if [ -z "$$DATABASE_URL" ]; then echo "DATABASE_URL is not set: skipping the PostgreSQL run"; \
	elif ! $(PY) scripts/db_reachable.py; then echo "PostgreSQL at DATABASE_URL is not reachable: skipping the PostgreSQL run"; \
	else $(PY) -m pytest $(PYTEST_ARGS) && $(PY) -m pytest -m e2e $(PYTEST_ARGS); fi

test: lint check-deploy ## Everything CI runs: lint, migrations check, deploy check, tests on SQLite and PostgreSQL
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

bench: venv ## Time the budgeted pages and renderers; writes $$BENCH_JSON (default bench-results.json)
	env -u DATABASE_URL $(PY) -m bench

lock: venv ## Re-resolve dependencies from pyproject.toml into requirements.lock
	$(PY) -m pip install --quiet --upgrade ".[dev]" $(QUIET_PIP)
	( echo '# Exact versions for reproducible installs: `make lock` regenerates this from pyproject.toml.'; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^sanctuary-award' ) > requirements.lock

messages: venv ## Extract translatable strings into locale/*/LC_MESSAGES/django.po and compile them
	$(PY) manage.py makemessages --locale cy --no-wrap --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'scripts/*'
	$(PY) manage.py compilemessages --locale cy --ignore '.venv/*'

clean: ## Remove the virtual environment, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles var
