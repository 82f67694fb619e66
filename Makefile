# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test sanitized-build test-sanitized fuzz bench package clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

# Extra arguments for tertulia: make run ARGS="--port 9000 --name Ana"
run: build
	$(BUILD_DIR)/app/tertulia $(ARGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure --parallel $(JOBS) --timeout 300

# The Debian package, tertulia_<version>_amd64.deb, in $(BUILD_DIR).
package: build
	cd $(BUILD_DIR) && cpack -G DEB

# The suite again, built by clang with AddressSanitizer + UndefinedBehaviorSanitizer; not the
# browser test (the page's JavaScript is no sanitizer's; the host paths it takes, the others
# take too). The same build holds the libFuzzer target (make fuzz).
SANITIZED_DIR ?= build-sanitized
sanitized-build: deps
	CXX=clang++ cmake -S . -B $(SANITIZED_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTERTULIA_SANITIZE=ON
	cmake --build $(SANITIZED_DIR) --parallel $(JOBS)

test-sanitized: sanitized-build
	cd $(SANITIZED_DIR) && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure --parallel $(JOBS) --timeout 600 --label-exclude browser

# libFuzzer over everything a peer controls before it is trusted, for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: sanitized-build
	mkdir -p $(SANITIZED_DIR)/corpus
	$(SANITIZED_DIR)/fuzz/fuzz_protocol -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		$(SANITIZED_DIR)/corpus fuzz/corpus > $(SANITIZED_DIR)/fuzz.log 2>&1 \
		|| (tail -60 $(SANITIZED_DIR)/fuzz.log; exit 1)
	tail -1 $(SANITIZED_DIR)/fuzz.log

# Fan-out benchmark against the seeds' FastAPI server and Node ws, uploads, the cost of a room
# shared by two nodes through Redis, then hostile members seen from a bystander's seat
# (bench/README.md).
# BENCH_ARGS="--quick" for a shorter run.
bench: build
	./scripts/install-deps.sh --bench
	/usr/bin/python3 bench/run.py --build $(BUILD_DIR) --out $(BUILD_DIR)/bench-results $(BENCH_ARGS)
	/usr/bin/python3 bench/upload.py --build $(BUILD_DIR) --out $(BUILD_DIR)/bench-results $(BENCH_ARGS)
	/usr/bin/python3 bench/cluster/run.py --build $(BUILD_DIR) --out $(BUILD_DIR)/bench-results
	/usr/bin/python3 bench/hostile.py --build $(BUILD_DIR) --out $(BUILD_DIR)/bench-results $(BENCH_ARGS)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZED_DIR) build-fuzz
