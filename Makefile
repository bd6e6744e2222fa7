# The e-ID campaign companion. `make serve` and `make test` do all the set-up.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# Sub-path the release is served under: "/" or a GitHub Pages project path such as /vneid-campaign/.
PUBLIC_URL ?= /
# The browser and its driver for the tests: one setting each (GitHub's runners have Google Chrome).
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM CHROMEDRIVER
# Sub-path used by the end-to-end tests (a project site, to prove sub-path deploys work).
TEST_PUBLIC_URL ?= /vneid-campaign/
PORT ?= 8080
# The deployment's full address, printed and encoded in the handout's QR code.
# Empty: scripts/build-dist.sh uses http://127.0.0.1:$(PORT) plus the sub-path it builds for (so the
# test builds under TEST_PUBLIC_URL get matching hreflang links and QR codes).
SITE_URL ?=
export SITE_URL
export PORT
# Budget for the first load of the home page (its HTML, CSS, the islands' JS and wasm), KB
# (1,024 bytes) gzip: `make test-e2e` fails above it (the issue asks for at most 100; README, Size).
SIZE_BUDGET_KB ?= 96
# Budget for the bytes before the first content: the largest citizen page's HTML plus the CSS.
CONTENT_BUDGET_KB ?= 20

.PHONY: all setup setup-build serve dist test test-native test-wasm test-e2e test-fork lighthouse bench bench-staff size clean

all: dist

setup:
	scripts/setup.sh test

setup-build:
	scripts/setup.sh build

## Build the release into dist/ (PUBLIC_URL=/sub/ for a sub-path).
dist: setup-build
	scripts/build-dist.sh "$(PUBLIC_URL)"

## Build and serve the release locally, like GitHub Pages, and print the URL.
serve: dist
	node scripts/serve.mjs --dir dist --base "$(PUBLIC_URL)" --port "$(PORT)"

## Every test: native domain tests, browser (wasm-bindgen-test) tests, Playwright end-to-end (after the
## size budget), then Lighthouse's assertions on the dist/ that test-e2e built.
test: setup
	node scripts/lint-workflows.mjs
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-e2e
	$(MAKE) lighthouse
	$(MAKE) test-fork

## A district's one-campaign fork, made as the README says, passes the native tests and builds.
test-fork:
	scripts/check-fork.sh

## Every native test in one build: the domain, facts, hostile input, properties, and the pre-rendered
## pages (`--features ssr`, the same build as the prerender step, so it is compiled once).
test-native:
	cargo test --locked --features ssr

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER="$(CHROMEDRIVER)" \
	cargo test --locked --target wasm32-unknown-unknown --features staff --test web

## The end-to-end tests build against the seed campaigns' fixtures, whatever the live deployment offers.
test-e2e:
	DEPLOYMENT_DIR=tests/fixtures/campaigns scripts/build-dist.sh "$(TEST_PUBLIC_URL)"
	node scripts/size.mjs dist --budget-kb $(SIZE_BUDGET_KB) --content-budget-kb $(CONTENT_BUDGET_KB)
	TEST_PUBLIC_URL="$(TEST_PUBLIC_URL)" playwright test -c tests/e2e

## Lighthouse (mobile, one run per page) on /, /guide and /offices of dist/ (rebuilt for $(TEST_PUBLIC_URL) unless it
## is built for it and newer than the sources): fails below accessibility 100, best practices 100 or SEO 95
## (performance is only reported). Scores and metrics in target/lighthouse.json, reports in target/lighthouse/.
lighthouse: setup
	@if ! grep -qs '<base href="$(TEST_PUBLIC_URL)"' dist/index.html || [ ! -f dist/404.html ] || [ ! -f dist/staff/index.html ] \
	  || [ -n "$$(find src style public locales index.html staff.html build.rs Cargo.toml Cargo.lock scripts/build-dist.sh scripts/build-wasm.mjs \
	       -newer dist/404.html -print -quit 2>/dev/null)" ]; then \
	  echo 'dist/ is missing, stale or built for another path: building it'; scripts/build-dist.sh "$(TEST_PUBLIC_URL)"; fi
	node scripts/lighthouse.mjs --assert

## One markdown table: first-load size against the budget, Lighthouse scores and metrics, and the staff
## benchmark (about 2 minutes; the three reports in target/size.json, lighthouse.json, bench-staff.json).
bench: setup
	scripts/build-dist.sh "$(TEST_PUBLIC_URL)"
	node scripts/bench.mjs --budget-kb $(SIZE_BUDGET_KB)

## Benchmark staff mode at province scale (600 units × 120 days) in headless Chromium: a markdown
## table on stdout, the numbers in target/bench-staff.json; then sync at the same scale against
## pouchdb-server (a build with the test fixtures' deployment, which names it; target/bench-sync.json). Not part of `make test`. Goals are ratios to
## limits measured in the same run: import and merge apply ≤ 1.5 × a raw IndexedDB write of the same
## records, export ≤ 2 × JSON.stringify, dashboard ≤ 1 × JSON.parse. To benchmark a site already built
## without rebuilding: BENCH_DIST=/path/to/site node scripts/bench-staff.mjs
bench-staff: setup
	scripts/build-dist.sh "$(TEST_PUBLIC_URL)"
	node scripts/bench-staff.mjs
	DEPLOYMENT_DIR=tests/fixtures/campaigns scripts/build-dist.sh "$(TEST_PUBLIC_URL)"
	rm -rf target/bench-sync-dist && cp -r dist target/bench-sync-dist
	BENCH_SYNC_DIST=target/bench-sync-dist node scripts/bench-sync.mjs

## Gzip and brotli size of every file in dist/, and the first load of the home page against the budget.
size:
	@test -d dist || $(MAKE) dist
	node scripts/size.mjs dist --budget-kb $(SIZE_BUDGET_KB)

clean:
	rm -rf dist target test-results playwright-report
