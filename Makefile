# troopmap: `make run` opens the dashboard, `make test` runs every test, `make bench` prints figures.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
APT_GET := $(if $(filter 0,$(shell id -u)),apt-get,sudo apt-get)
PORT ?= 8501

.PHONY: run test bench data lint browser clean assets

$(VENV)/.run-deps: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.run-deps
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The data the dashboard needs (gazetteer index, event store), built only when missing or stale.
data: $(VENV)/.run-deps
	$(PY) -m geo.build

# The map's JavaScript and CSS from the npm registry (package.json, pinned) into static/vendor/, which
# Streamlit serves at /app/static/vendor/; without npm the map falls back to the CDN (online hosts).
ASSETS_STAMP := static/vendor/.stamp
$(ASSETS_STAMP): package.json package-lock.json geo/assets.py $(VENV)/.run-deps
	@command -v npm >/dev/null || { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq npm >/dev/null; }
	$(PY) -m geo.assets
	touch $@

assets: $(ASSETS_STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null || { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium fonts-dejavu-core >/dev/null; }

run: data assets
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

test: $(VENV)/.dev-deps browser data assets
	$(PY) -m ruff check geo pages tests bench dashboard.py dashboard_shared.py
	$(PY) -m pytest -q

bench: $(VENV)/.dev-deps browser data assets
	$(PY) -m bench

lint: $(VENV)/.dev-deps
	$(PY) -m ruff check geo pages tests bench dashboard.py dashboard_shared.py
	$(PY) -m ruff format --check geo pages tests bench dashboard.py dashboard_shared.py

clean:
	rm -rf $(VENV) data/gazetteer.* data/store.sqlite* static/vendor static/cache
