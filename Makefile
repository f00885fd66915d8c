# Partnerstwo: `make demo` to try it, `make test` to check it. Nothing else is needed by hand.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
APT_TEST_PACKAGES := chromium postgresql-contrib gettext libharfbuzz-subset0 fonts-dejavu-core hunspell-pl \
	openjdk-17-jre-headless

.PHONY: demo test install system-packages lint check-migrations messages bench bench-postgres bench-pages \
	bench-pages-postgres bench-load bench-load-postgres clean

# Without mail settings the demo prints e-mails (with their links) in the terminal instead of
# sending them to an SMTP server on localhost that is not there.
DEMO_ENV := DEBUG=true SITE_URL=$(or $(SITE_URL),http://127.0.0.1:$(PORT))
ifeq ($(origin EMAIL_URL)$(origin EMAIL_HOST)$(origin EMAIL_BACKEND),undefinedundefinedundefined)
DEMO_ENV += EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
endif

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

# The demo needs gettext for compilemessages; everything else comes from pip and npm.
demo: install
	@command -v msgfmt >/dev/null || bin/apt-install gettext
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore '.venv' --ignore 'node_modules' -v0
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(DEMO_ENV) $(PY) manage.py migrate --noinput -v0
	$(DEMO_ENV) $(PY) manage.py createcachetable
	$(DEMO_ENV) $(PY) manage.py demo
	$(DEMO_ENV) PORT=$(PORT) bin/serve-demo

system-packages:
	bin/apt-install $(APT_TEST_PACKAGES)

lint: install
	$(VENV)/bin/ruff check .

check-migrations: install
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run

messages: install
	DEBUG=true $(PY) manage.py compilemessages --ignore '.venv' --ignore 'node_modules' -v0

# Ruff, migrations, translations, then four passes at the same time, so that both cores stay busy to the end:
# the suite on SQLite without the browser tests (shown as it runs), the browser tests (Playwright and axe, on
# SQLite), the suite on a throwaway PostgreSQL without them, and the date-sensitive tests again on SQLite with
# the test clock on awkward days (bin/test-on-awkward-days). The background passes write to var/test-browser.log,
# var/test-postgresql.log and var/test-awkward-days.log, shown when all are done. The passes together take
# about all the CPU two cores have in the time budget, so each check runs once where it can fail.
# Every step runs even after a failure, so one run shows every problem; the exit status is non-zero
# if any step failed, and the last line is pytest's summary.
# Checks whose outcome does not depend on the database (the HTML of every page through the Nu checker,
# the catalogues, the import layering, the settings and security headers, read by subprocesses with their own
# environment, and which pages of the advisory body each role may open, a rule of the accounts' fields) run in the
# SQLite pass only. Hostile input to every form (a third of
# the suite's tests) is split by what it sends: what PostgreSQL refuses and SQLite takes (a NUL character, a
# value longer than its column) on PostgreSQL, the production database; markup, empty and wrong-type values on
# SQLite; a number beyond its type on both.
POSTGRES_SKIPS := --ignore tests/test_html_validity.py --ignore tests/test_translations.py \
	--ignore tests/test_layering.py --ignore partnerstwo/newsletter/tests/test_layering.py \
	--ignore tests/test_settings.py --ignore tests/test_security_headers.py \
	--ignore partnerstwo/team/tests/test_access_by_role.py -m "not hostile_portable"
SQLITE_SKIPS := -m "not hostile_database"

test: install system-packages
	@mkdir -p var/static  # STATIC_ROOT: WhiteNoise warns on every request when it is missing
	@failed=(); \
	run() { local step=$$1; shift; echo "+ $$*"; "$$@" || failed+=("$$step"); }; \
	run ruff $(VENV)/bin/ruff check .; \
	run makemigrations env DEBUG=true $(PY) manage.py makemigrations --check --dry-run; \
	run compilemessages env DEBUG=true $(PY) manage.py compilemessages --ignore .venv --ignore node_modules -v0; \
	echo "+ pytest -m browser (in the background, log: var/test-browser.log)"; \
	env PARTNERSTWO_BROWSER_TESTS=1 $(VENV)/bin/pytest -q -p no:cacheprovider -m browser \
		> var/test-browser.log 2>&1 & browser_pid=$$!; \
	echo "+ bin/with-postgres $(VENV)/bin/pytest -q (in the background, log: var/test-postgresql.log)"; \
	env PARTNERSTWO_BROWSER_TESTS=0 bin/with-postgres $(VENV)/bin/pytest -q -p no:cacheprovider \
		$(POSTGRES_SKIPS) > var/test-postgresql.log 2>&1 & postgres_pid=$$!; \
	echo "+ bin/test-on-awkward-days (in the background, log: var/test-awkward-days.log)"; \
	bin/test-on-awkward-days > var/test-awkward-days.log 2>&1 & awkward_pid=$$!; \
	run pytest-sqlite env PARTNERSTWO_BROWSER_TESTS=0 $(VENV)/bin/pytest -q $(SQLITE_SKIPS); \
	wait $$awkward_pid || failed+=(awkward-days); \
	echo "+ Date-sensitive tests on awkward days:"; grep -E "^\+ |passed|failed|FAILED|ERROR" var/test-awkward-days.log; \
	echo "+ Browser tests:"; \
	if wait $$browser_pid; then tail -1 var/test-browser.log; else failed+=(pytest-browser); cat var/test-browser.log; fi; \
	wait $$postgres_pid || failed+=(pytest-postgresql); \
	echo "+ PostgreSQL pass:"; cat var/test-postgresql.log; \
	[ $${#failed[@]} -eq 0 ] || echo "make test: failed: $${failed[*]}"; \
	[ $${#failed[@]} -eq 0 ]

# Benchmarks (never part of make test). They set their own production-like settings (DEBUG off)
# and use var/bench/; bench-postgres runs them on a throwaway PostgreSQL. See docs/performance.md.
bench: install
	$(PY) -m bench

bench-postgres: install
	bin/with-postgres $(PY) -m bench

# The load test (bench/bench_load.py): wrk, 50 connections for 2 minutes against gunicorn; on PostgreSQL
# two app servers, two db_workers and a mailing being sent meanwhile. BENCH_LOAD_ARGS="--duration 30" to try.
bench-load: install
	@command -v wrk >/dev/null || bin/apt-install wrk
	$(PY) -m bench.bench_load $(BENCH_LOAD_ARGS)

bench-load-postgres: install
	@command -v wrk >/dev/null || bin/apt-install wrk
	bin/with-postgres $(PY) -m bench.bench_load --grow $(BENCH_LOAD_ARGS)
# Every public page over HTTP (gunicorn, 2 sync workers) beside the bare view; BENCH_ARGS=--scale for the
# directory and the calendar at the benchmarks' scale. See bench/bench_pages_http.py.
bench-pages: install
	$(PY) -m bench.bench_pages_http $(BENCH_ARGS)

bench-pages-postgres: install
	bin/with-postgres $(PY) -m bench.bench_pages_http $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules var/static
