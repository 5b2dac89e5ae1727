# Voorbeeldenbank Normaliseren — developer commands. `make help` lists them.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

VENV ?= .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
UV_VERSION ?= 0.13.9
PYTEST_ARGS ?=
LOCK_ARGS ?=
# Benchmark: number of synthetic examples and the databases to run it on.
EXAMPLES ?= 10000
BENCH_DATABASES ?= sqlite postgres
export VENV

# compilemessages walks the whole tree; keep it out of the virtualenv and node_modules.
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=e2e --ignore=var
PO_FILES = $(shell find src -name '*.po' -path '*/LC_MESSAGES/*' 2>/dev/null)

.PHONY: help run demo production production-stop test test-postgres lint typecheck format check check-messages messages lock bench \
	venv venv-dev system-deps e2e-deps clean

help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

venv: ## Create .venv (Python 3.11) and install the runtime lock (requirements/base.txt)
	@scripts/venv.sh requirements/base.txt

venv-dev: ## Create .venv and install the development lock (requirements/dev.txt)
	@scripts/venv.sh requirements/dev.txt

run: venv ## Set up everything (SQLite, demo content, admin) and serve on http://127.0.0.1:8000 with the task workers
	@$(MAKE) messages
	$(MANAGE) migrate --no-input
	@BASE_URL=http://$(HOST):$(PORT) $(PYTHON) scripts/local_setup.py
	@PYTHON=$(PYTHON) scripts/serve.sh $(HOST):$(PORT)

demo: venv ## Reload the demo content (overwrites local edits to the demo examples)
	$(MANAGE) migrate --no-input
	@$(PYTHON) scripts/local_setup.py --reload-demo

messages: ## Compile translations (skipped with a note when gettext's msgfmt is missing)
	@if [ -z "$(PO_FILES)" ]; then \
		echo "No translation catalogues (.po) yet."; \
	elif ! command -v msgfmt >/dev/null; then \
		echo "msgfmt (gettext) not found: using the committed .mo files."; \
	else \
		$(MANAGE) compilemessages $(MESSAGES_IGNORE) -v 0; \
	fi

production: ## As root on Debian: the production stack on loopback (nginx cache → gunicorn → PostgreSQL, Redis, worker) on http://127.0.0.1:8080
	@scripts/production.sh start

production-stop: ## Stop every process that `make production` started
	@scripts/production.sh stop

system-deps: ## Install (as root) or name the system packages the tests need
	@scripts/system-deps.sh test

e2e-deps: ## Install axe-core for the accessibility tests (npm)
	@if [ -f e2e/package-lock.json ]; then \
		if [ ! -f e2e/node_modules/.package-lock.json ] \
			|| [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then \
			npm ci --prefix e2e --no-audit --no-fund; \
		fi; \
	elif [ -f e2e/package.json ]; then \
		npm install --prefix e2e --no-audit --no-fund; \
	elif [ ! -f e2e/node_modules/axe-core/axe.min.js ]; then \
		npm install axe-core --prefix e2e --no-audit --no-fund --no-save; \
	fi

test: venv-dev system-deps e2e-deps ## Run the whole suite (browser tests included) on DATABASE_URL (SQLite by default)
	@$(MAKE) messages
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: ## Start the local PostgreSQL 15, then run the whole suite on it
	@url="$$(scripts/postgres.sh)"; DATABASE_URL="$$url" $(MAKE) test

lint: venv-dev ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv-dev ## mypy with django-stubs (config in pyproject.toml)
	$(BIN)/mypy src/voorbeeldenbank benchmarks

format: venv-dev ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: venv-dev check-messages ## Django system checks, missing migrations, translations compile
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

check-messages: ## Check that every .po compiles (and warn when a committed .mo is stale)
	@scripts/check-messages.sh

lock: venv-dev ## Recompile requirements/*.txt from *.in with uv (keeps pins; LOCK_ARGS=--upgrade)
	@[ -x $(BIN)/uv ] || $(PYTHON) -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	cd requirements && ../$(BIN)/uv pip compile base.in -o base.txt -p 3.11 --quiet $(LOCK_ARGS)
	cd requirements && ../$(BIN)/uv pip compile dev.in -o dev.txt -p 3.11 --quiet $(LOCK_ARGS)

bench: venv-dev ## Benchmark the catalogue at EXAMPLES=10000 on BENCH_DATABASES, write docs/benchmarks.md
	@for database in $(BENCH_DATABASES); do \
		if [ "$$database" = postgres ]; then \
			url="$$(scripts/postgres.sh)"; export BENCH_POSTGRES_URL="$$url"; \
		fi; \
		$(PYTHON) benchmarks/catalogue.py --examples $(EXAMPLES) --database $$database; \
	done

clean: ## Remove caches and test output (keeps .venv, db.sqlite3 and var/)
	rm -rf .pytest_cache .ruff_cache .mypy_cache test-results
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +
