# The two commands of the README: `make run` serves the site, `make test` runs every test.
# Both create .venv, install the pinned dependencies, compile the translations and build the
# database and search index from data/ when they are missing, after `system-deps` has made sure
# the Debian packages that WeasyPrint needs for the PDF sheets (Pango, HarfBuzz, fonts) are there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
FLASK := $(BIN)/flask --app app

# Debian packages for the PDF sheets: Pango and HarfBuzz lay out the text for WeasyPrint, and
# the Noto fonts cover Latin, Cyrillic, Arabic and Persian, Tamil, Bengali (core) and Chinese (cjk).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk

.PHONY: system-deps install translations data run test lint format messages worklist bench-search

# Install the missing SYSTEM_PACKAGES with apt-get when root or password-less sudo allows it;
# otherwise stop and name them.
system-deps:
	@missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Missing system packages (Debian names):$$missing. Install them, or their equivalents, with your system's package manager." >&2; exit 1; \
	fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; \
	else echo "Missing system packages:$$missing. Run: sudo apt-get install$$missing" >&2; exit 1; fi; \
	echo "Installing system packages:$$missing"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: system-deps $(STAMP)

translations: install
	$(BIN)/pybabel compile --statistics -d translations

data: translations
	$(FLASK) init-db --if-missing

# Plain HTTP on the loopback: the session cookie cannot be HTTPS-only here.
run: data
	FLASK_SESSION_COOKIE_SECURE=false $(FLASK) run --host 127.0.0.1 --port 5000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: data lint
	$(FLASK) check-data
	$(BIN)/python -m pytest

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the message template and every catalog after changing a translatable string, then
# copy the French ids into the French catalog (the source language). `make worklist` then lists
# what each language still needs (README, "Languages").
messages: install
	$(BIN)/pybabel extract --project "Repères familles" --copyright-holder "Repères familles contributors" --no-location --sort-by-file --add-comments I18N: -F babel.cfg -k N_ -k lazy_gettext -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i translations/messages.pot -d translations
	$(FLASK) translations copy-source

worklist: install
	$(FLASK) translations worklist

# The search benchmark of the README (a few minutes: it builds a 100,000-service index).
bench-search: translations
	$(BIN)/python -m bench.search_speed --sizes 10000 100000
