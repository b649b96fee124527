# The two commands a newcomer needs: `make run` (the site on the embedded default) and
# `make test` (the whole suite). Everything else is a helper for them or for CI.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# make run's payment server: localstripe on a loopback port, test keys that only it accepts.
STRIPE_PORT ?= 8420
LOCALSTRIPE_ENV := STRIPE_API_BASE=http://127.0.0.1:$(STRIPE_PORT) \
	STRIPE_JS_URL=http://127.0.0.1:$(STRIPE_PORT)/js.stripe.com/v3/ \
	STRIPE_SECRET_KEY=sk_test_localstripe STRIPE_PUBLISHABLE_KEY=pk_test_localstripe \
	STRIPE_WEBHOOK_SECRET=whsec_localstripe BASE_URL=http://$(HOST):$(PORT)

# Locally the migrated SQLite test database is kept between runs (migrating from scratch
# takes about a minute); CI always builds it anew.
ifeq ($(CI),true)
REUSE_DB := --create-db
else
REUSE_DB := --reuse-db
endif

.PHONY: install axe-core lighthouse run serve test check lint format migrations-check importlinter messages \
        search-engine search-engine-stop search-engine-elasticsearch \
        search-engine-elasticsearch-stop lock clean

$(INSTALLED): pyproject.toml setup.py constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

# localstripe runs for as long as the site does (stopped on exit or Ctrl-C); buy with card
# 4242 4242 4242 4242, any future date, any CVC. It starts empty each time (--from-scratch):
# its only persistence is a /tmp file shared by every localstripe on the machine.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	# A database from before the search's filter rows (migration product_search.0006).
	$(PY) manage.py search_fill_rows
	@$(VENV)/bin/localstripe --port $(STRIPE_PORT) --from-scratch > var/localstripe.log 2>&1 & \
	  pid=$$!; trap "kill $$pid 2>/dev/null" EXIT INT TERM; \
	  for i in $$(seq 50); do \
	    $(PY) -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$(STRIPE_PORT)/js.stripe.com/v3/', timeout=1)" 2>/dev/null && break; \
	    sleep 0.2; \
	  done; \
	  $(LOCALSTRIPE_ENV) $(PY) manage.py localstripe_webhook && \
	  $(LOCALSTRIPE_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# Production web server (docs/deployment.md): gunicorn with WEB_WORKERS processes. Needs the
# production environment (DJANGO_SETTINGS_MODULE, SECRET_KEY, DATABASE_URL, REDIS_URL...).
WEB_WORKERS ?= 4
serve: install
	$(VENV)/bin/gunicorn orne_site.wsgi:application --bind $(HOST):$(PORT) \
		--workers $(WEB_WORKERS) --timeout 30 --max-requests 2000 --max-requests-jitter 200 \
		--access-logfile -

test: install axe-core lighthouse
	$(PY) -m pytest $(REUSE_DB) $(PYTEST_ARGS)

# axe-core (npm) for the accessibility browser tests, kept in var/node/ (git-ignored).
# Without npm or the registry the tests say why: they skip locally, fail with CI=true.
AXE_CORE_VERSION ?= 4.14.1
AXE_SCRIPT := var/node/node_modules/axe-core/axe.min.js

axe-core: $(AXE_SCRIPT)

$(AXE_SCRIPT):
	@command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix var/node \
		axe-core@$(AXE_CORE_VERSION) || echo "axe-core not installed (npm missing or offline)"

# Lighthouse (npm) for tests/e2e/test_lighthouse.py and bench/lighthouse_bench.py, in var/node/
# like axe-core; it drives Debian's Chromium (CHROME_PATH is set by the tests).
LIGHTHOUSE_VERSION ?= 12.2.3
LIGHTHOUSE_BIN := var/node/node_modules/.bin/lighthouse

lighthouse: $(LIGHTHOUSE_BIN)

$(LIGHTHOUSE_BIN):
	@command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix var/node \
		lighthouse@$(LIGHTHOUSE_VERSION) || echo "Lighthouse not installed (npm missing or offline)"

check: lint importlinter migrations-check

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

importlinter: install
	$(VENV)/bin/lint-imports

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

messages: install
	$(PY) manage.py makemessages -l en --ignore "var/*" --ignore "tools/*" \
		--ignore "tests/*" --no-obsolete
	$(PY) manage.py compilemessages -l en --ignore ".venv/*" --ignore "var/*"

# A real OpenSearch 2.19 node from Maven Central jars (see tools/search-engines/); prints its URL.
search-engine:
	@tools/search-engines/opensearch/run.sh start

search-engine-stop:
	@tools/search-engines/opensearch/run.sh stop

# A real Elasticsearch 9.5 node from Maven Central jars (see tools/search-engines/;
# needs a JDK 21+); prints its URL.
search-engine-elasticsearch:
	@tools/search-engines/elasticsearch/run.sh start

search-engine-elasticsearch-stop:
	@tools/search-engines/elasticsearch/run.sh stop

# Re-resolve the newest compatible versions and pin them.
lock:
	rm -rf /tmp/orne-lock-venv
	$(PYTHON) -m venv /tmp/orne-lock-venv
	/tmp/orne-lock-venv/bin/pip install --quiet -e ".[dev]"
	( echo "# Exact versions tested together (pip install -c constraints.txt ...). Regenerate with 'make lock'."; \
	  /tmp/orne-lock-venv/bin/pip freeze --exclude-editable ) > constraints.txt

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
