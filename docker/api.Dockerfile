# The bundled API as an image: Debian's PHP and Composer, then THE
# provisioning, app-under-test/provision/provision.php (the line's genuine
# laravel/laravel skeleton with its locked dependencies, breeze:install api,
# the kit's overlay, .env with APP_KEY, SQLite migrated and seeded), baked in so
# that a container answers /up well within a second. No install step is
# repeated here. The app is at /srv/app-under-test/api.
#
# Context: the repository root, cut down by api.Dockerfile.dockerignore to the
# app, its provisioning and this folder's files for the image. Needs BuildKit
# (Docker 20.10's own with DOCKER_BUILDKIT=1, or buildx): a host behind a
# TLS-intercepting proxy hands its CA bundle in as the build secret host-ca,
# mounted for the provisioning step only, so no layer ever holds it.
#
#   DOCKER_BUILDKIT=1 docker build --network host -f docker/api.Dockerfile \
#     --build-arg SUITE=trixie --build-arg PHP_VERSION=8.4 --build-arg LARAVEL=11 \
#     --secret id=host-ca,src="$SSL_CERT_FILE" -t sanctum-spa-kit/api .
#
# SUITE and PHP_VERSION go together: bookworm has PHP 8.2, trixie PHP 8.4.

ARG SUITE=bookworm
FROM debian:${SUITE}-slim

ARG PHP_VERSION=8.2

# The packages scripts/install-machine.sh installs for the native backend, plus
# unzip: Composer unpacks its downloads with it.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      php${PHP_VERSION}-cli php${PHP_VERSION}-sqlite3 php${PHP_VERSION}-curl \
      php${PHP_VERSION}-mbstring php${PHP_VERSION}-xml php${PHP_VERSION}-redis \
      composer ca-certificates unzip \
 && rm -rf /var/lib/apt/lists/*

COPY docker/api-opcache.ini /etc/php/${PHP_VERSION}/cli/conf.d/90-sanctum-spa-kit.ini
WORKDIR /srv/app-under-test
# The kit's PHP helpers: provisioning checks the app with app-facts.php, and the
# docker driver runs both in each container (app facts, test user).
COPY fixtures/runtime/backend/laravel/app-facts.php fixtures/runtime/backend/laravel/ensure-test-user.php fixtures/runtime/backend/laravel/session-rows.php fixtures/runtime/backend/laravel/token-rows.php /srv/fixtures/runtime/backend/laravel/
COPY app-under-test/provision provision
COPY app-under-test/overlay overlay

# The Laravel line: its skeleton version and composer.lock. Declared here, not
# above, so both lines share the layers above.
ARG LARAVEL=12
COPY app-under-test/lines/laravel${LARAVEL} lines/laravel${LARAVEL}

# Composer reads SSL_CERT_FILE: pointing it at the mounted secret trusts the
# proxy's CA for this step alone. Then the server's user may read the app (some
# packages ship owner-only files) and write its storage, database and caches.
RUN --mount=type=secret,id=host-ca --mount=type=cache,target=/root/.cache/composer \
    if [ -s /run/secrets/host-ca ]; then export SSL_CERT_FILE=/run/secrets/host-ca; fi \
 && php provision/provision.php --line="${LARAVEL}" \
 && ln -s "apps/laravel${LARAVEL}" api \
 && chmod -R a+rX "apps/laravel${LARAVEL}" \
 && cd "apps/laravel${LARAVEL}" && chown -R www-data:www-data storage database bootstrap/cache && cd ../.. \
 && install -d -o www-data -g www-data /var/cache/php-opcache

COPY docker/serve-api.sh /usr/local/bin/serve-api
USER www-data
# Compiled scripts for a new container's first requests (warm-opcache.php says how).
RUN --mount=type=bind,source=docker/warm-opcache.php,target=/tmp/warm-opcache.php \
    SESSION_DRIVER=array CACHE_STORE=array php /tmp/warm-opcache.php api
ENV PORT=8000
CMD ["serve-api"]
