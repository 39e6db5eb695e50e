# cchc-kpi — developer and user commands. Each target creates .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN    := $(VENV)/.installed
TEST   := $(VENV)/.installed-test
LINT   := $(VENV)/.installed-lint
BENCH  := $(VENV)/.installed-bench
PERIOD ?= Q1-2024

.PHONY: demo test lint bench sample-data docs-picture report-pdf clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"

$(RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN)

$(TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . --group test
	touch $(RUN) $(TEST)

$(LINT): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . --group lint
	touch $(RUN) $(LINT)

$(BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . --group test --group bench
	touch $(RUN) $(TEST) $(BENCH)

demo: $(RUN)  ## the main job on the bundled sample data
	$(BIN)/cchc-kpi report --period $(PERIOD) --by level,unit sample_data/ --format table

test: $(TEST)  ## the test suite (both cores)
	$(BIN)/python -m pytest

lint: $(LINT)  ## ruff check, ruff format --check, mypy, lint-imports (the one-way layer rule)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy cchc_kpi
	$(BIN)/lint-imports

bench: $(BENCH)  ## benchmarks → bench/RESULTS.md (generates bench/data/: 100k, 1M, 10M CSV = 3.7 GB; 200k XLSX)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/bench_workdays.py 10000000 3

sample-data: $(RUN)  ## regenerate the committed sample exports
	$(BIN)/cchc-kpi sample --out sample_data --rows 3000 --seed 2024 --format csv --units khanh-hoa
	$(BIN)/cchc-kpi sample --out sample_data --rows 1500 --seed 2025 --format dvcqg --units van-ninh
	$(BIN)/cchc-kpi sample --out sample_data --rows 1000 --seed 2026 --format xlsx --units cam-ranh
	$(BIN)/cchc-kpi sample --out examples --format catalog

report-pdf: $(RUN)  ## build/bao-cao.pdf: the sample's written report (.docx) rendered by LibreOffice (needs soffice)
	mkdir -p build
	$(BIN)/cchc-kpi report --period $(PERIOD) sample_data/ --output build/bao-cao.docx --quiet
	soffice -env:UserInstallation=file:///tmp/cchc-kpi-lo --headless --convert-to pdf --outdir build build/bao-cao.docx >/dev/null
	@echo build/bao-cao.pdf

docs-picture: $(RUN)  ## docs/bieu06.png: the Biểu 06 sheet of the sample, rendered by LibreOffice (needs soffice, pdftoppm)
	mkdir -p build docs
	$(BIN)/cchc-kpi report --period $(PERIOD) sample_data/ --output build/bieu06.xlsx --quiet
	soffice -env:UserInstallation=file:///tmp/cchc-kpi-lo --headless --convert-to pdf --outdir build build/bieu06.xlsx >/dev/null
	pdftoppm -png -r 90 -f 1 -l 1 -singlefile build/bieu06.pdf docs/bieu06

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
