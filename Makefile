# The two commands of the README: `make run` serves the site, `make test` runs every test.
# Both create .venv, install the pinned dependencies, compile the translations and build the
# database and search index from data/ when they are missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
FLASK := $(BIN)/flask --app app

.PHONY: install translations data run test lint format messages bench-search

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

translations: install
	$(BIN)/pybabel compile --statistics -d translations

data: translations
	$(FLASK) init-db --if-missing

run: data
	$(FLASK) run --host 127.0.0.1 --port 5000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: data lint
	$(FLASK) check-data
	$(BIN)/python -m pytest

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the message template and every catalog after changing a translatable string.
messages: install
	$(BIN)/pybabel extract --no-location --sort-by-file -F babel.cfg -k N_ -k lazy_gettext -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i translations/messages.pot -d translations

# The search benchmark of the README (a few minutes: it builds a 100,000-service index).
bench-search: translations
	$(BIN)/python -m bench.search_speed --sizes 10000 100000
