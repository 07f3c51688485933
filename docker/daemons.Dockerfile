# Debian's nginx and Redis in one small image, for docker/compose.replicas.yaml
# (no registry serves their images here): each service runs one of them.
#
#   docker-compose -f docker/compose.replicas.yaml build daemons
ARG SUITE=bookworm
FROM debian:${SUITE}-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light redis-server \
 && rm -rf /var/lib/apt/lists/*
