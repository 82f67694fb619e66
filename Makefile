# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test test-sanitized fuzz bench package clean

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

# The suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer; not the browser
# test (the page's JavaScript is no sanitizer's; the host paths it takes, the others take too).
test-sanitized: deps
	cmake -S . -B build-sanitized -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTERTULIA_SANITIZE=ON
	cmake --build build-sanitized --parallel $(JOBS)
	cd build-sanitized && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure --parallel $(JOBS) --timeout 600 --label-exclude browser

# libFuzzer over the protocol decoder and request/name validation, for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: deps
	CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTERTULIA_FUZZ=ON
	cmake --build build-fuzz --parallel $(JOBS)
	mkdir -p build-fuzz/corpus
	build-fuzz/fuzz/fuzz_protocol -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		build-fuzz/corpus fuzz/corpus > build-fuzz/fuzz.log 2>&1 \
		|| (tail -60 build-fuzz/fuzz.log; exit 1)
	tail -1 build-fuzz/fuzz.log

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
	rm -rf $(BUILD_DIR) build-sanitized build-fuzz
