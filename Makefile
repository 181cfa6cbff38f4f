# The two commands (see README): `make serve` (or `make build`) and `make test`.
# Each sets up what it needs: a virtual environment from the pinned lock files, and for the
# tests Debian's Chromium and Node.js. Nothing else has to be installed by hand.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# VERBOSE=1 shows MkDocs' and static-i18n's progress notes too (src/microsite/terminal.py)
export MICROSITE_VERBOSE := $(VERBOSE)
# A command that found problems stops make with SIGPIPE: the exit status is non-zero (141), but make
# prints no `make: *** [...] Error 1` line of its own under the problems the command listed.
STOP_QUIETLY := kill -PIPE $$PPID

.PHONY: build serve test check new-project new-language schema catalogs lock properdocs-check clean translations-export translations-import translations-stamp

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.build-installed: requirements/build.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/build.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements/test.lock $(VENV)/.build-installed
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.lock
	touch $@

# build: the languages are built side by side, one process per CPU (at most 4); JOBS=1 for one process
JOBS ?= $(shell nproc 2>/dev/null || echo 1)

## build: the whole site into site/ (all four languages); a failed build keeps the last good site/;
##        PRECOMPRESS=1 also writes .gz and .br copies of the text files for hosts that serve them
build: $(VENV)/.build-installed
	@$(BIN)/microsite build --jobs $(JOBS)$(if $(PRECOMPRESS), --precompress) || $(STOP_QUIETLY)

## serve: a live preview that rebuilds when content/ or data/ change, at http://127.0.0.1:8000/;
##        PORT=8001 and HOST=0.0.0.0 (every interface) choose where; LANGUAGES=pl previews only
##        Polish (and the root) and rebuilds faster
HOST ?= 127.0.0.1
PORT ?= 8000
serve: $(VENV)/.build-installed
	@MICROSITE_LANGUAGES=$(LANGUAGES) $(BIN)/mkdocs serve --dirty --dev-addr $(HOST):$(PORT) || $(STOP_QUIETLY)

## check: validate data/ and content/ in seconds, without building
check: $(VENV)/.build-installed
	@$(BIN)/microsite check || $(STOP_QUIETLY)

## test: lint, type-check and run every test (builds the site, drives a real Chromium)
test: $(VENV)/.test-installed
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-command.sh msgfmt gettext
	bash scripts/ensure-command.sh node nodejs
	bash scripts/ensure-test-tools.sh
	$(BIN)/ruff check src hooks tests
	$(BIN)/ruff format --check src hooks tests
	$(BIN)/mypy src hooks
	$(BIN)/pytest -q

## new-project: add a record to fill in, e.g. make new-project SLUG=open-data-opole LANGUAGE=pl
new-project: $(VENV)/.build-installed
	$(BIN)/microsite new-project $(SLUG) $(LANGUAGE)

## new-language: add a language, e.g. make new-language LANGUAGE=ro (mkdocs.yml's list and locales/ro/;
##               no other file changes: the editors' schema does not list the languages)
new-language: $(VENV)/.build-installed
	$(BIN)/microsite new-language $(LANGUAGE)

## schema: rewrite schema/projects.schema.json (editors' autocompletion) from src/microsite/schema.py
schema: $(VENV)/.build-installed
	$(BIN)/microsite schema

## catalogs: extract interface strings from templates and code, and merge them into the .po files
catalogs: $(VENV)/.build-installed
	$(BIN)/pybabel extract -F babel.cfg -o locales/messages.pot --no-location --omit-header -k _ -k N_ -k ngettext:1,2 .
	$(BIN)/pybabel update -i locales/messages.pot -d locales --width 100

## translations-export: write translations/<LANGUAGE>.po for translators (Poedit, Weblate), e.g. LANGUAGE=pl
translations-export: $(VENV)/.build-installed
	@test -n "$(LANGUAGE)" || { echo "Say which language, e.g. make translations-export LANGUAGE=pl"; exit 1; }
	$(BIN)/microsite translations-export $(LANGUAGE)

## translations-import: bring translations/<LANGUAGE>.po back into data/projects.yaml;
##        METHOD=human or human-reviewed records how the imported translations were made
translations-import: $(VENV)/.build-installed
	@test -n "$(LANGUAGE)" || { echo "Say which language, e.g. make translations-import LANGUAGE=pl"; exit 1; }
	$(BIN)/microsite translations-import $(LANGUAGE) $(if $(METHOD),--method $(METHOD))

## translations-stamp: record the current originals for new translations; PROJECT=slug and/or
##        LANGUAGE=pl mark all of those translations as up to date (after checking them by hand)
translations-stamp: $(VENV)/.build-installed
	$(BIN)/microsite translations-stamp $(if $(PROJECT),--project $(PROJECT)) $(if $(LANGUAGE),--language $(LANGUAGE))

## lock: write requirements/*.lock (exact versions and their hashes) from pyproject.toml, keeping the
##       versions already there; UPGRADE=1 moves every package to the newest version allowed
LOCK := $(BIN)/uv pip compile pyproject.toml --python $(BIN)/python --generate-hashes --quiet \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: $(VENV)/.test-installed
	$(LOCK) -o requirements/build.lock
	$(LOCK) --extra test --constraint requirements/build.lock -o requirements/test.lock
	$(LOCK) --extra properdocs --constraint requirements/build.lock -o requirements/properdocs.lock

## properdocs-check: build the site with MkDocs and with ProperDocs (the maintained fork of MkDocs 1.x,
##                   README "When the stack moves") and compare the two file by file (CI runs it)
properdocs-check: $(VENV)/.build-installed
	$(BIN)/pip install --quiet --require-hashes -r requirements/properdocs.lock
	rm -rf build/site-mkdocs build/site-properdocs
	SITE_URL=http://127.0.0.1:8000/ SOURCE_DATE_EPOCH=1764547200 $(BIN)/mkdocs build --quiet --site-dir build/site-mkdocs
	SITE_URL=http://127.0.0.1:8000/ SOURCE_DATE_EPOCH=1764547200 $(BIN)/properdocs build --quiet -f mkdocs.yml --site-dir build/site-properdocs
	$(BIN)/python scripts/compare-sites.py build/site-mkdocs build/site-properdocs

clean:
	rm -rf site build
