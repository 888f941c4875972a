# Shared by `npm start` and `npm test`: install what a fresh machine is missing, and nothing more.
# Sourced, not run.

# npm packages: install when node_modules is absent or older than the lock file.
ensure_npm_packages() {
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "parley: installing npm packages…"
    # `npm install`, not `npm ci`: npm 11 records only this platform's optional packages (rollup,
    # esbuild binaries) in the lock and then `npm ci` refuses the lock as out of sync.
    npm install --no-audit --no-fund
  fi
}

# Debian packages: install only those not already installed. Needs root or sudo.
ensure_debian_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "parley: installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "parley: need root (or sudo) to install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # Installing the server packages must not leave a system-wide cluster or SMS gateway running:
  # the tests and `npm start` run their own, on ports they choose. Debian's policy-rc.d hook
  # (exit 101) tells the packages' scripts not to start their services.
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    own_policy=1
  fi
  local status=0
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" || status=$?
  [ "$own_policy" -eq 1 ] && "${sudo[@]}" rm -f "$policy"
  return "$status"
}
