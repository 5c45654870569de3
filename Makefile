# Two commands set up a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app youth_app
HOST ?= 127.0.0.1
PORT ?= 5000
ASYNC_MODE ?= gevent

.PHONY: run test install db demo sample bench clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

db: install
	$(FLASK) init-db

demo: db
	HOST=$(HOST) PORT=$(PORT) $(FLASK) demo

sample: db
	HOST=$(HOST) PORT=$(PORT) $(FLASK) demo --sample

run: demo
	HOST=$(HOST) PORT=$(PORT) ASYNC_MODE=$(ASYNC_MODE) $(PY) run.py

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) benchmarks/screening_dev.py

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts
