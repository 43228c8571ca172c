# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEV_ENV := DJANGO_DEBUG=true
# Where `make run` serves: `make run PORT=8300`. HOST is set with := so that a shell's own
# HOST (tcsh exports the machine's name) is ignored; `make run HOST=0.0.0.0` still wins, and
# then needs ALLOWED_HOSTS to list the name the browser uses.
PORT ?= 8000
HOST := 127.0.0.1
URL = http://$(HOST):$(PORT)
# The hints name the same port, so each works as printed.
PORT_ARG = $(if $(filter-out 8000,$(PORT)), PORT=$(PORT))
RUN = make run$(PORT_ARG)

.PHONY: run test venv migrate catalog demo superuser lint format bench clean

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

# The web server and the background worker (e-mail, reminders, the nightly purge) together;
# e-mails are printed here. One Ctrl-C stops both, and the worker stops if the server does.
run: catalog
	@echo "BackCare is at $(URL)"
	@echo "Demo data: make demo$(PORT_ARG) in another terminal, then log in as demo@backcare.example / demo-back-care"
	@echo "An admin: make superuser$(PORT_ARG) in another terminal"
	@$(DEV_ENV) BACKCARE_SITE_URL=$(URL) BACKCARE_WORKER_LOG_LEVEL=WARNING $(PY) manage.py run_huey & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DEV_ENV) BACKCARE_SITE_URL=$(URL) $(PY) manage.py runserver $(HOST):$(PORT)

# A demo user with three months of history; running it again resets that user. It only loads
# the data and says what to run next (it does not serve), so it can be run again to reset the
# demo while `make run` serves in another terminal.
demo: catalog
	$(DEV_ENV) $(PY) manage.py demo_data
	@echo "Next: $(RUN) (unless it is running), then log in at $(URL)/accounts/login/"
	@echo "as demo@backcare.example / demo-back-care"

# An admin account in the development database. With DJANGO_SUPERUSER_EMAIL and
# DJANGO_SUPERUSER_PASSWORD set it asks nothing (createsuperuser --no-input).
superuser: migrate
	$(DEV_ENV) $(PY) manage.py createsuperuser $(if $(DJANGO_SUPERUSER_EMAIL),--no-input)
	@echo "The admin opens once this account has confirmed its address and turned on two-factor:"
	@echo "  1. $(RUN), then log in at $(URL)/accounts/login/ with this address"
	@echo "  2. at $(URL)/accounts/profile/ press 'Send the link again'; open the link $(RUN) prints"
	@echo "  3. open $(URL)/admin/: it asks for the password, then to turn on two-factor"
	@echo "     with an authenticator app"

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
