# The README's two commands are `make demo` and `make test`; .ci/run calls `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv system lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[model,dev,postgres,spark]'
	touch $(STAMP)

venv: $(STAMP)

# System packages the browser and PostgreSQL tests need (Debian's chromium, postgresql).
system:
	bash scripts/setup-system.sh

demo: venv
	bash scripts/demo.sh

test: venv system
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy src

bench: venv
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) trucewatch.duckdb out
