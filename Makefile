# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEV_ENV := DJANGO_DEBUG=true

.PHONY: run test venv migrate catalog demo lint format bench clean

venv: $(STAMP)

# Reinstall whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

migrate: $(STAMP)
	$(DEV_ENV) $(PY) manage.py migrate --no-input

catalog: migrate
	$(DEV_ENV) $(PY) manage.py load_catalog
	$(DEV_ENV) $(PY) manage.py load_plan_templates

run: catalog
	@echo "BackCare is at http://127.0.0.1:8000  (admin: $(PY) manage.py createsuperuser)"
	@echo "Demo: make demo, then log in as demo@backcare.example / demo-back-care"
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# A demo user with three months of history; running it again resets that user.
demo: catalog
	$(DEV_ENV) $(PY) manage.py demo_data

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy backcare exercises progress bench

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Load bench against PostgreSQL (bench/README.md); `make bench USERS=100 DAYS=90` for a quick run.
bench: $(STAMP)
	test -x $(VENV)/bin/locust || $(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	$(PY) -m bench.run $(if $(USERS),--users $(USERS)) $(if $(DAYS),--days $(DAYS))
