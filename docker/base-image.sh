#!/usr/bin/env bash
# Ensures the image debian:<suite>-slim exists locally, so api.Dockerfile's
# FROM works unchanged on a machine without an image registry:
#   present     -> nothing to do
#   pullable    -> docker pull (what every machine with a registry does)
#   neither     -> debootstrap a minimal Debian from the Debian mirror apt
#                  already uses, and `docker import` it under that tag
#
#   bash docker/base-image.sh bookworm|trixie
set -euo pipefail

suite=${1:-}
case "$suite" in
  bookworm | trixie) ;;
  *)
    echo "base-image: usage: bash docker/base-image.sh bookworm|trixie (got \"$suite\")" >&2
    exit 2
    ;;
esac
tag="debian:$suite-slim"
docker_cli=${KIT_DOCKER_BINARY:-/usr/bin/docker}
mirror=${KIT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${KIT_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

if ! "$docker_cli" info >/dev/null 2>&1; then
  echo "base-image: no Docker engine answers. fix: bash scripts/install-docker.sh" >&2
  exit 1
fi
if "$docker_cli" image inspect "$tag" >/dev/null 2>&1; then
  exit 0
fi
# Without a registry the pull fails at once (no such host); bounded anyway.
if timeout 120 "$docker_cli" pull -q "$tag" >/dev/null 2>&1; then
  echo "base-image: pulled $tag"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "base-image: $tag is neither present nor pullable, and building it with debootstrap needs root." >&2
  echo "  fix: sudo bash $0 $suite" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null; then
  echo "base-image: $tag is neither present nor pullable, and debootstrap is missing." >&2
  echo "  fix: bash scripts/install-docker.sh (installs it), then run this again" >&2
  exit 1
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/kit-rootfs-$suite.XXXXXX")
trap 'rm -rf "$root"' EXIT
log="$root.log"
echo "base-image: $tag is not available; building it with debootstrap from $mirror (log: $log)"
if ! debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$log" 2>&1; then
  echo "base-image: debootstrap $suite failed. Its last lines ($log):" >&2
  tail -n 20 "$log" | sed 's/^/  | /' >&2
  exit 1
fi

# The sources the official image has (updates and security included), so
# apt-get inside the image installs what a pulled debian:<suite>-slim would.
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
# As in the official slim image: no downloaded .debs or package lists kept.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

tar -C "$root" -c . | "$docker_cli" import --change 'CMD ["bash"]' - "$tag" >/dev/null
rm -f "$log"
echo "base-image: imported $tag"
