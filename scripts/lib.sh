# Shared by scripts/serve and scripts/test: install what is missing, quickly skip what is there,
# and stop with a clear message when something cannot be installed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs apt-get as root, through sudo when we are not root.
apt_get() {
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get "$@"
  elif command -v sudo >/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
  else
    die "need root or sudo to run: apt-get $*"
  fi
}

# Installs Debian packages; a stale package list or a half-done install is retried once.
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* with your system's package manager"
  say "installing $* with apt"
  apt_get update -qq || true
  if ! apt_get install -y -qq "$@"; then
    apt_get --fix-broken install -y -qq || true
    apt_get update -qq
    apt_get install -y -qq "$@" || die "could not install $* with apt-get"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null && command -v rustup >/dev/null \
    || die "Rust is not installed: install rustup (the Rust toolchain installer), then run this again"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # scripts/test checks formatting and lints; a minimal rustup profile lacks both tools.
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    say "adding rustfmt and clippy"
    rustup component add rustfmt clippy || die "could not add rustfmt and clippy with rustup"
  fi
}

# Trunk 0.21 (0.22 needs a newer rustc than this project's), built from crates.io.
ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    say "installing trunk 0.21 (a few minutes, once)"
    cargo install trunk --version '^0.21' --locked || die "could not install trunk 0.21 from crates.io"
  fi
}

# wasm-bindgen-cli must equal the wasm-bindgen version that Cargo.lock pins, exactly.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$want" ] || die "Cargo.lock pins no wasm-bindgen version"
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --force || die "could not install wasm-bindgen-cli $want"
  fi
}

ensure_app_tools() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  # Trunk builds offline (it must not download tools), so crates are fetched first.
  cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
}

ensure_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver
  # pdftotext reads back the PDFs the print test makes.
  command -v pdftotext >/dev/null || apt_install poppler-utils
}

# Node.js 20 or newer (playwright-core, which drives Chromium in the end-to-end tests, needs it).
node_major() {
  node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || true
}

ensure_node() {
  local major
  major=$(node_major)
  if [ -z "$major" ] || [ "$major" -lt 20 ] || ! command -v npm >/dev/null; then
    apt_install nodejs npm
    major=$(node_major)
    [ -n "$major" ] && [ "$major" -ge 20 ] \
      || die "the end-to-end tests need Node.js 20 or newer, and apt installed $(node --version 2>/dev/null || echo none): install Node.js 20+ (e.g. from your distribution's backports) and run this again"
  fi
  (cd tests/e2e && { [ -d node_modules/playwright-core ] && [ node_modules/.package-lock.json -nt package-lock.json ]; } \
    || npm ci --no-audit --no-fund --loglevel=error) || die "could not install the end-to-end test dependencies with npm"
}

# The test hooks' trigger strings are in the test build's wasm ($1), and not in the production
# code: the LLVM IR (text, so strings can be searched; the release rlib holds only bitcode) of the
# browser library compiled without the feature. Only this crate is compiled again, against the
# release build's dependencies: no second release link of the app.
TEST_HOOK_TRIGGERS='clientele-test-panic|clienteleTest|test-hook|cut-save-at-chunk'
check_no_test_hooks() {
  local test_build=$1 deps=target/wasm32-unknown-unknown/release/deps ir
  grep -aqE "$TEST_HOOK_TRIGGERS" "$test_build"/*_bg.wasm || die "the test build in $test_build lacks the test hooks: the check below would prove nothing"
  # The IR stays in target/: when the crate is unchanged, cargo does not compile it again.
  cargo rustc --locked --offline --release --target wasm32-unknown-unknown --lib --quiet -- --emit=llvm-ir \
    || die "could not compile the browser library to check it"
  ir=$(ls -t "$deps"/clientele-*.ll 2>/dev/null | head -1)
  [ -s "$ir" ] || die "compiling the browser library wrote no LLVM IR to check"
  if grep -aqE "$TEST_HOOK_TRIGGERS" "$ir"; then
    die "the production code contains a test hook ($(grep -aoE "$TEST_HOOK_TRIGGERS" "$ir" | sort -u | tr '\n' ' ')): keep it behind the test-hooks feature"
  fi
}

# The warehouse tests (tests/warehouse/run.py) run the SQL of `clientele sql` on real engines:
# DuckDB and pyspark from PyPI (pip), PostgreSQL's server and OpenJDK (Spark's JVM) from Debian.
python_has() {
  python3 -c "import $1" 2>/dev/null
}

pip_install() {
  say "installing $* with pip"
  # Debian's own Python refuses pip outside a virtual environment (PEP 668) unless told.
  python3 -m pip install --quiet "$@" || python3 -m pip install --quiet --break-system-packages "$@" \
    || die "could not install $* with pip"
}

ensure_python() {
  command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 || apt_install python3 python3-pip
}

ensure_duckdb() {
  ensure_python
  python_has duckdb || pip_install duckdb
}

ensure_postgres() {
  ensure_python
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_install postgresql
  python_has psycopg2 || pip_install psycopg2-binary
}

ensure_spark() {
  ensure_python
  command -v java >/dev/null || apt_install default-jre-headless
  python_has pyspark || pip_install pyspark
}
