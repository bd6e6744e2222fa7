# The e-ID campaign companion. `make serve` and `make test` do all the set-up.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# Sub-path the release is served under: "/" or a GitHub Pages project path such as /vneid-campaign/.
PUBLIC_URL ?= /
# Sub-path used by the end-to-end tests (a project site, to prove sub-path deploys work).
TEST_PUBLIC_URL ?= /vneid-campaign/
PORT ?= 8080

.PHONY: all setup setup-build serve dist test test-native test-wasm test-e2e bench-staff size clean

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

## Every test: native domain tests, browser (wasm-bindgen-test) tests, Playwright end-to-end.
test: setup
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-e2e

test-native:
	cargo test --locked

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver \
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e:
	scripts/build-dist.sh "$(TEST_PUBLIC_URL)"
	TEST_PUBLIC_URL="$(TEST_PUBLIC_URL)" playwright test -c tests/e2e

## Benchmark staff mode at province scale (600 units × 120 days) in headless Chromium: a markdown
## table on stdout, the numbers in target/bench-staff.json. Not part of `make test`.
bench-staff: setup
	scripts/build-dist.sh "$(TEST_PUBLIC_URL)"
	node scripts/bench-staff.mjs

## Gzip size of every file in dist/ and the total.
size:
	@test -d dist || $(MAKE) dist
	scripts/size.sh dist

clean:
	rm -rf dist target test-results playwright-report
