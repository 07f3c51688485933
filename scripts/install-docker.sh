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

source "$(dirname "$0")/lib/ensure-debian-packages.sh"
ensure_debian_packages install-docker docker.io docker-compose debootstrap

if "$docker_cli" info >/dev/null 2>&1; then
  echo "install-docker: a Docker engine already answers (when this script started it: log $docker_log)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-docker: no Docker engine answers, and starting one needs root." >&2
  echo "  fix: sudo bash $0   (or start your distribution's docker service)" >&2
  exit 1
fi

if [ -d /run/systemd/system ]; then
  # A machine with systemd: its docker service, as installed, is the engine.
  echo "install-docker: systemctl start docker"
  systemctl start docker
  docker_log="journalctl -u docker"
  dockerd_pid=$(systemctl show --property MainPID --value docker)
else
  # No init system runs services here: start the daemon ourselves, detached
  # from this shell so it outlives it. A pid file left by a daemon that was
  # killed would stop the new one.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  echo "install-docker: starting dockerd (log: $docker_log)"
  setsid dockerd --bridge=none --iptables=false >>"$docker_log" 2>&1 </dev/null &
  dockerd_pid=$!
fi

deadline=$((SECONDS + 60))
until "$docker_cli" info >/dev/null 2>&1; do
  if ! kill -0 "$dockerd_pid" 2>/dev/null; then
    echo "install-docker: dockerd exited while starting; see $docker_log" >&2
    [ -f "$docker_log" ] && tail -n 20 "$docker_log" | sed 's/^/  | /' >&2
    exit 1
  fi
  if ((SECONDS > deadline)); then
    echo "install-docker: dockerd did not answer within 60 s; see $docker_log" >&2
    [ -f "$docker_log" ] && tail -n 20 "$docker_log" | sed 's/^/  | /' >&2
    exit 1
  fi
  sleep 0.2 # paces the polls of the condition above, not a wait for readiness
done
echo "install-docker: dockerd answers (pid $dockerd_pid, log: $docker_log)"
