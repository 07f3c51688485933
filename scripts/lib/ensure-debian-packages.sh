# Sourced by the install scripts: ensure_debian_packages LABEL PACKAGE...
# installs the packages that are missing (apt-get, no recommends), or, when
# not root, prints the one command that would and fails.
ensure_debian_packages() {
  local label=$1
  shift
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "$label: missing Debian packages: ${missing[*]}" >&2
    echo "  fix: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    return 1
  fi
  echo "$label: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
