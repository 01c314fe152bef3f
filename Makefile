# Two entry points on a fresh machine:
#   make serve   build and serve the site on the bundled archive at http://127.0.0.1:8000
#   make test    install everything the tests need and run them
# Each creates its own virtual environment in .venv.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,test]'
	touch $@

.PHONY: install serve site lint test fuzz git-deps browser-deps a11y-deps bench bench-deps clean

install: $(STAMP)

# Build the archive site and serve it with live reload; the build fails on lint errors.
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The static site in site/, as published.
site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/postmortem lint postmortems

# git, for the tests of the pre-commit hooks and of the archive's index (real repositories).
git-deps:
	@if ! command -v git >/dev/null 2>&1; then \
		echo "Installing git (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git >/dev/null; \
	fi

# Debian's Chromium and its driver, for the browser tests.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
		echo "Installing chromium and chromium-driver (Debian packages)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

# axe-core, the accessibility engine the browser tests run on every kind of page
# (tests/test_accessibility.py), from npm into tests/.node; Node.js from Debian if missing.
AXE_VERSION := 4.14.1
AXE := tests/.node/node_modules/axe-core/axe.min.js

$(AXE):
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "Installing nodejs and npm (Debian packages)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm install --prefix tests/.node --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

a11y-deps: $(AXE)

test: $(STAMP) git-deps browser-deps a11y-deps
	$(BIN)/python -m pytest

# The long property-test run (README, "Limits and fuzzing"): 100,000 examples per property,
# about an hour on 2 cores. `make test` runs the same properties with a few dozen examples.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/test_properties.py --hypothesis-show-statistics -p no:cacheprovider

# Performance figures against the targets (bench/run.py, which installs markdownlint-cli2 on
# first use; BENCH=--quick for a run under 5 minutes).
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH)

# markdownlint-cli2, the reference linter of the benchmark, from npm into bench/.node.
bench-deps: $(STAMP)
	$(BIN)/python bench/run.py --install-peer

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis test-artifacts bench/out bench/.node tests/.node *.egg-info linter/*.egg-info
