# Shared by scripts/build, run, test, bench. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!!\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

# Debian 12 packages. Build: compiler, libraries. Test: PostgreSQL server, browser, CJK font, wrk.
BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config ccache libboost1.81-dev
  libboost-json1.81-dev libboost-url1.81-dev libsqlite3-dev sqlite3 libpq-dev libsodium-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev libexpected-dev libssl-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev libmd4c-dev libgtest-dev libgmock-dev libbenchmark-dev brotli)
TEST_PACKAGES=(postgresql chromium fonts-wqy-zenhei wrk curl)
# scripts/test's C++ lint suites (scripts/lint-cxx): LLVM 14's clang-format and clang-tidy.
LINT_PACKAGES=(clang-format clang-tidy)

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing packages; run: sudo apt-get install --no-install-recommends ${missing[*]}"
  fi
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' ||
    die "Node.js >= 20.19 is needed for the web build (found $(node --version))"
}

# Web app: npm ci from the committed lock file, vite build, precompress.
build_web() {
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    say "installing web dependencies (npm ci)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/public web/index.html web/vite.config.ts web/package-lock.json -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
    say "building the web app (vue-tsc + vite)"
    (cd web && npm run --silent build)
    say "precompressing web assets (gzip, brotli)"
    find web/dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \) \
      -exec gzip -k -9 -f {} \;
    if command -v brotli >/dev/null; then
      find web/dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \) \
        -exec brotli -k -f -q 11 {} \;
    fi
  else
    say "web app is up to date"
  fi
}

# C++: configure once, then incremental ninja. $@ = targets (none = all).
build_server() {
  if [ ! -f build/release/build.ninja ]; then
    say "configuring the C++ build (cmake --preset release)"
    cmake --preset release >/dev/null
  fi
  say "building the server${*:+ ($*)}"
  cmake --build build/release -- "$@"
}

# C++ Debug with ASan + UBSan (preset debug, ZS_SANITIZE=ON) in build/debug. $@ = targets (none = all).
build_server_debug() {
  if [ ! -f build/debug/build.ninja ]; then
    say "configuring the sanitizer build (cmake --preset debug)"
    cmake --preset debug >/dev/null
  fi
  say "building the server with ASan + UBSan${*:+ ($*)}"
  cmake --build build/debug -- "$@"
}

# Throwaway PostgreSQL: sets ZS_TEST_PG_URL and PG_DATA_DIR; stop_postgres on exit.
# Tests run it with fsync off (speed); the bench sets PG_FSYNC=on so commits are durable.
start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$bin/initdb" ] || die "PostgreSQL server binaries not found (package postgresql)"
  PG_DATA_DIR="$(mktemp -d /tmp/zs-pg.XXXXXX)"
  local port=$(( 20000 + RANDOM % 20000 ))
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  chown postgres:postgres "$PG_DATA_DIR"
  chmod 700 "$PG_DATA_DIR"
  say "starting a throwaway PostgreSQL on port $port ($PG_DATA_DIR)"
  runuser -u postgres -- "$bin/initdb" -D "$PG_DATA_DIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_DATA_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DATA_DIR/initdb.log" >&2; die "PostgreSQL initdb failed"; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA_DIR/data" -l "$PG_DATA_DIR/server.log" -w \
    -o "-p $port -k $PG_DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off} -c max_connections=200" start >/dev/null ||
    { cat "$PG_DATA_DIR/server.log" >&2; die "PostgreSQL did not start"; }
  PG_BIN="$bin"
  export ZS_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

stop_postgres() {
  if [ -n "${PG_DATA_DIR:-}" ] && [ -d "$PG_DATA_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA_DIR"
  fi
}
