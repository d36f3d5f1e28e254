# Shared set-up for scripts/serve, scripts/test and the benchmarks.
# Sourced, not run. Everything here works as root on a fresh Debian or Ubuntu.

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  log "installing $* from the distribution's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The Rust toolchain comes from rustup (the distributions' cargo is too old
# for edition 2024); it cannot be installed from a package registry.
ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    log "cargo is missing: install Rust 1.95 or newer with rustup (https://rustup.rs) and run again"
    exit 1
  fi
  command -v cc >/dev/null 2>&1 || apt_install build-essential
}

# Points DATABASE_URL at a PostgreSQL server, starting or installing a local
# one when DATABASE_URL is not given. The URL names the database `rapport`
# (the service creates it in development); tests make their own databases
# on the same server.
ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    return 0
  fi
  command -v pg_isready >/dev/null 2>&1 || apt_install postgresql postgresql-client
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
      local version
      version=$(ls /etc/postgresql | sort -V | tail -n 1)
      log "starting PostgreSQL $version"
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
      log "starting PostgreSQL 16 in Docker"
      docker run -d --rm --name rapport-postgres -e POSTGRES_HOST_AUTH_METHOD=trust \
        -p 127.0.0.1:5432:5432 postgres:16 >/dev/null
    else
      apt_install postgresql postgresql-client
      local version
      version=$(ls /etc/postgresql | sort -V | tail -n 1)
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    fi
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 && break
      sleep 1
    done
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    log "PostgreSQL did not start on 127.0.0.1:5432"
    exit 1
  fi
  if psql "postgres://postgres@127.0.0.1:5432/postgres" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/rapport"
  else
    # A packaged server asks for a password over TCP: give the local
    # superuser one through the socket.
    as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
    export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/rapport"
  fi
  log "using a local PostgreSQL at 127.0.0.1:5432"
}

# A Python virtual environment under .tools/ with the given packages.
ensure_python_tools() {
  local venv=.tools/venv
  command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
  if [ ! -x "$venv/bin/pip" ]; then
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$venv"; }
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check "$@"
}

# Node packages under .tools/npm.
ensure_node_tools() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  local missing=0
  for package in "$@"; do
    local name=${package%@*}
    [ -d ".tools/npm/node_modules/$name" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    log "installing $*"
    npm install --silent --no-audit --no-fund --prefix .tools/npm "$@" >/dev/null
  fi
}

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits until $1 answers 200.
wait_for() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  log "$1 did not answer"
  return 1
}

# What generates, checks and runs the typed clients: the TypeScript
# client's own packages (package-lock.json pins them) and the Python
# generators in the tools' virtual environment.
ensure_client_tools() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  if [ ! -d clients/typescript/node_modules ] ||
     [ clients/typescript/package-lock.json -nt clients/typescript/node_modules ]; then
    log "installing the TypeScript client's packages"
    (cd clients/typescript && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
  ensure_python_tools openapi-python-client==0.29.1 ruff==0.17.6 datamodel-code-generator==0.97.0 httpx jsonschema
}
