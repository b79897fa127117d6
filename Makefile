# Two entry points for a fresh Debian/Ubuntu machine with Python 3.11+:
#   make demo   installs everything, then runs `asll demo` on the bundled samples
#   make test   installs everything, then runs the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test test-servers lint format setup system-deps samples templates bench clean check-wheel

demo: setup
	$(BIN)/asll demo

test: setup test-servers
	$(BIN)/pytest

# The servers some tests need (PostgreSQL on localhost), installed and started when missing.
test-servers:
	@bash scripts/install-system-deps.sh --tests
	@bash scripts/test-servers.sh start

# Lint and format check (100 columns): rules in pyproject.toml [tool.ruff]. `make format`
# rewrites the files.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .

setup: system-deps $(VENV)/.installed

system-deps:
	@bash scripts/install-system-deps.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The wheel, installed (not editable) in a fresh venv, runs the demo (CI).
check-wheel: setup
	bash scripts/check-wheel.sh $(BIN)/python

# Rebuild the bundled sample documents and the Word templates from their scripts.
samples: setup
	$(BIN)/python samples/make_samples.py

templates: setup
	$(BIN)/python templates/build_templates.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
