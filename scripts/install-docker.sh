#!/usr/bin/env bash
# Makes a Docker engine answer on this machine for the kit's docker backend:
# installs Debian's docker.io, docker-compose and debootstrap when missing,
# then starts dockerd when no daemon answers. Idempotent: safe to call from
# .ci/run and from the kit's set-up, every time.
#
# The daemon runs with host networking only (--bridge=none, no iptables): the
# kit's containers share the host's loopback and never need a bridge, and a
# sandbox without the permissions for one still runs them.
set -euo pipefail

docker_log=${KIT_DOCKERD_LOG:-/var/log/sanctum-spa-kit-dockerd.log}
# The kit talks to the engine with Debian's client (the one this script
# installs), whatever else may shadow it on PATH.
docker_cli=/usr/bin/docker

packages=(docker.io docker-compose debootstrap)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-docker: missing Debian packages: ${missing[*]}" >&2
    echo "  fix: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "install-docker: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if "$docker_cli" info >/dev/null 2>&1; then
  echo "install-docker: a Docker engine already answers"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-docker: no Docker engine answers, and starting one needs root." >&2
  echo "  fix: sudo bash $0   (or start your distribution's docker service)" >&2
  exit 1
fi

# No init system runs services here: start the daemon ourselves, detached
# from this shell so it outlives it, and wait until it answers.
echo "install-docker: starting dockerd (log: $docker_log)"
setsid dockerd --bridge=none --iptables=false >>"$docker_log" 2>&1 </dev/null &
dockerd_pid=$!

deadline=$((SECONDS + 60))
until "$docker_cli" info >/dev/null 2>&1; do
  if ! kill -0 "$dockerd_pid" 2>/dev/null; then
    echo "install-docker: dockerd exited while starting. Its last lines ($docker_log):" >&2
    tail -n 20 "$docker_log" | sed 's/^/  | /' >&2
    exit 1
  fi
  if ((SECONDS > deadline)); then
    echo "install-docker: dockerd did not answer within 60 s. Its last lines ($docker_log):" >&2
    tail -n 20 "$docker_log" | sed 's/^/  | /' >&2
    exit 1
  fi
  sleep 0.2 # paces the polls of the condition above, not a wait for readiness
done
echo "install-docker: dockerd answers (pid $dockerd_pid, log: $docker_log)"
