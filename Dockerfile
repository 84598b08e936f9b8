# syntax=docker/dockerfile:1
# Agenda Cheia's image: one image for every Ray node, head and workers, under `docker compose`
# (docker-compose.yml) and under KubeRay (rayservice.yaml). Build it from the repository root:
#
#   docker build -t agenda-cheia:0.1.0 .
#
# No secrets here and none in the build context (.dockerignore drops .env): AGENDA_JWT_SECRET,
# AGENDA_DATABASE_URL and the rest reach the processes through the environment at run time.
# tests/unit/test_deploy_manifests.py checks this file (Ray version, console build, locked install,
# user, secrets).

# --- The owner console (clients/react), built with Node.js's current LTS. -----------------------
FROM node:24-slim AS console
WORKDIR /build/clients/react
# The manifest and lock file first: the `npm ci` layer is reused until the dependencies change.
COPY clients/react/package.json clients/react/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY clients/react/ ./
# vite.config.ts writes the bundle to dist/console.
RUN npm run build

# --- The runtime: Ray's own image, the Ray and Python that pyproject.toml and .venv use. ---------
FROM rayproject/ray:2.60.0-py311
# Ray's images run as `ray` (uid 1000, group `users`, gid 100). Numeric, so that Kubernetes'
# runAsNonRoot can verify it.
USER 1000:100
WORKDIR /home/ray/agenda-cheia

# The dependencies first, from the runtime lock (requirements/runtime.txt, compiled by scripts/lock:
# no test tools, no embedded servers), every file checked against its hash. This layer is reused
# until the lock changes; Ray itself is already in the image at the locked version.
COPY --chown=1000:100 requirements/runtime.txt requirements/runtime.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/runtime.txt

# Then the packages (pyproject.toml installs domain, db, config, integrations, actors,
# deployments, and scripts for the `agenda` command) without dependencies, built by the lock's
# setuptools: nothing unpinned is fetched. Editing serve_config.yaml reinstalls nothing.
COPY --chown=1000:100 pyproject.toml ./
COPY --chown=1000:100 domain/ domain/
COPY --chown=1000:100 db/ db/
COPY --chown=1000:100 config/ config/
COPY --chown=1000:100 integrations/ integrations/
COPY --chown=1000:100 actors/ actors/
COPY --chown=1000:100 deployments/ deployments/
# `agenda …`, `python -m scripts.migrate` and `serve deploy serve_config.yaml` run from here.
COPY --chown=1000:100 scripts/ scripts/
RUN pip install --no-cache-dir --no-deps --no-build-isolation . && rm -rf build ./*.egg-info

COPY --chown=1000:100 serve_config.yaml ./

# The console where deployments/console.py looks for it beside the source tree, and named
# explicitly: the installed `deployments` package lives in site-packages, not beside it.
COPY --from=console --chown=1000:100 /build/clients/react/dist/console clients/react/dist/console
ENV AGENDA_CONSOLE_DIR=/home/ray/agenda-cheia/clients/react/dist/console

# The release's name (`--build-arg AGENDA_RELEASE=$(git rev-parse --short HEAD)`): detached actors
# report it before their code digest (`agenda actors`; README, "How a deploy rolls").
ARG AGENDA_RELEASE=""
ENV AGENDA_RELEASE=${AGENDA_RELEASE}

# Serve's HAProxy ingress and throughput-optimized mode must be in the environment of `ray start`
# itself on every node (docs/ray.md; cluster.yaml sets them the same way). The GCS checks each
# node every 0.5 s and takes it for dead after 3 misses (Ray: 3 s, 5): a crashed node's salons
# are back on the others in ~4 s instead of ~16 s (tests/cluster).
ENV RAY_SERVE_ENABLE_HA_PROXY=1 \
    RAY_SERVE_THROUGHPUT_OPTIMIZED=1 \
    RAY_SERVE_HAPROXY_MAXCONN=20000 \
    RAY_health_check_period_ms=500 \
    RAY_health_check_failure_threshold=3

# 8000: the API (HAProxy), 8265: the Ray dashboard and Jobs API, 6379: the GCS (Ray's, not Redis).
EXPOSE 8000 8265 6379
