# Sanctuary Award platform. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# pip here is configured with local package mirrors that may be absent; hide its notices.
QUIET_PIP := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Links in the emails the demo sends point at the port it serves on.
export BASE_URL ?= http://127.0.0.1:$(PORT)
PYTHON ?= python3
# A random key for the production settings check; never used to serve anything.
CHECK_SECRET := check-deploy-only-$(shell date +%s%N)-not-a-real-secret-key-0123456789abcdef

.PHONY: help run demo migrate test test-sqlite test-postgres lint check-deploy topology bench bench-queries worker lock messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'

# Dev machines and CI install both locked files (dev.txt repeats runtime.txt's pins, with the
# same hashes); production installs the runtime ones alone:
#   pip install --require-hashes -r requirements/runtime.txt
$(VENV)/.installed: requirements/runtime.txt requirements/dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip $(QUIET_PIP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/runtime.txt -r requirements/dev.txt $(QUIET_PIP)
	touch $@

venv: $(VENV)/.installed ## Create the virtual environment and install the locked dependencies (runtime and dev)

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
	SECRET_KEY=$(CHECK_SECRET) ALLOWED_HOSTS=awards.example.org DJANGO_SETTINGS_MODULE=config.settings.production \
		SANCTUARY_VIRUS_SCANNER=core.scanning.clamd CLAMD_ADDRESS=tcp://127.0.0.1:3310 \
		REDIS_URL=redis://127.0.0.1:6379/0 \
		$(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: venv ## The whole pytest suite on SQLite (browser tests included)
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS)
	env -u DATABASE_URL $(PY) -m pytest -m migration $(PYTEST_ARGS)
	env -u DATABASE_URL $(PY) -m pytest -m e2e $(PYTEST_ARGS)

test-postgres: venv ## The whole pytest suite on the PostgreSQL named by DATABASE_URL
	@if [ -z "$$DATABASE_URL" ]; then echo "DATABASE_URL is not set: skipping the PostgreSQL run"; \
	elif ! $(PY) scripts/db_reachable.py; then echo "PostgreSQL at DATABASE_URL is not reachable: skipping the PostgreSQL run"; \
	else $(PY) -m pytest $(PYTEST_ARGS) && $(PY) -m pytest -m migration $(PYTEST_ARGS) \
		&& $(PY) -m pytest -m e2e $(PYTEST_ARGS); fi

test: lint check-deploy ## Everything CI runs: lint, migrations check, deploy check, tests on SQLite and PostgreSQL
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

topology: venv ## The production topology here: nginx, two app nodes, worker, scheduler, PostgreSQL, Redis, object store, ClamAV; a node killed under load
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sanctuary} \
		$(PY) -m pytest -p no:cacheprovider -m topology -s tests/topology

bench: venv ## Time the budgeted pages and renderers on SQLite, then on PostgreSQL when DATABASE_URL is set; writes bench-results-<database>.json
	env -u DATABASE_URL $(PY) -m bench
	@if [ -z "$$DATABASE_URL" ]; then echo "DATABASE_URL is not set: no PostgreSQL bench"; \
	elif ! $(PY) scripts/db_reachable.py; then echo "PostgreSQL at DATABASE_URL is not reachable: no PostgreSQL bench"; \
	else $(PY) -m bench; fi

bench-queries: venv ## The bench's query half, as CI runs it, on the database DATABASE_URL names (SQLite without): every case checked and held to its query and memory budgets, nothing timed
	BENCH_MODE=queries $(PY) -m bench

# pip-compile (pip-tools, not a project dependency) runs from a throwaway venv and resolves
# against PyPI alone: pip config and PIP_* index variables are set aside, so a local mirror adds no
# index lines or hashes of its own. Existing pins are kept unless pyproject.toml needs otherwise;
# `make lock LOCK_ARGS=--upgrade` (or `LOCK_ARGS="--upgrade-package NAME"`) moves them.
lock: ## Re-resolve pyproject.toml into requirements/runtime.txt and requirements/dev.txt, with hashes
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)")'
	tools=$$(mktemp -d) && trap 'rm -rf "$$tools"' EXIT && \
	$(PYTHON) -m venv "$$tools" && \
	"$$tools/bin/python" -m pip install --quiet pip==26.3 pip-tools==7.6.2 $(QUIET_PIP) && \
	export PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock" && \
	unset PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS PIP_CONSTRAINT && \
	"$$tools/bin/pip-compile" --quiet --generate-hashes --strip-extras --allow-unsafe $(LOCK_ARGS) \
		--output-file requirements/runtime.txt pyproject.toml && \
	"$$tools/bin/pip-compile" --quiet --generate-hashes --strip-extras --allow-unsafe $(LOCK_ARGS) \
		--extra dev --constraint requirements/runtime.txt --output-file requirements/dev.txt pyproject.toml

messages: venv ## Extract translatable strings into locale/*/LC_MESSAGES/django.po and compile them
	$(PY) manage.py makemessages --locale cy --no-wrap --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'scripts/*'
	$(PY) manage.py compilemessages --locale cy --ignore '.venv/*'

clean: ## Remove the virtual environment, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles var
