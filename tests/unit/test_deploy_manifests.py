"""The production topology, checked offline: Dockerfile, docker-compose.yml, rayservice.yaml and
serve_config.yaml, each against the schema of what runs it (the Compose Specification, KubeRay's
RayService CRD, Ray Serve's ServeDeploySchema). No network, no Docker daemon, no cluster."""

from __future__ import annotations

import copy
import json
import re
import shlex
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import pytest
import ray
import yaml
from ray.serve.config import AutoscalingConfig
from ray.serve.schema import ServeDeploySchema

from config.settings import Settings
from deployments.app import ALLOWED_ARGS
from deployments.console import BUILT_CONSOLE
from scripts import sync_rayservice
from scripts.lockfile import RUNTIME

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(__file__).resolve().parent / "schemas"
DOCKERFILE, DOCKERIGNORE = ROOT / "Dockerfile", ROOT / ".dockerignore"
COMPOSE, RAYSERVICE = ROOT / "docker-compose.yml", ROOT / "rayservice.yaml"
SERVE_CONFIG, KIT = ROOT / "serve_config.yaml", ROOT / "clients" / "react"
RAY_SERVICES = ("ray-head", "ray-worker")
SYNC_HINT = "run `.venv/bin/python -m scripts.sync_rayservice` to copy serve_config.yaml in"

SECRET_NAME = re.compile(r"SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|CREDENTIAL", re.I)
# `${NAME}` or `${NAME:?message}`: the value comes from the user's environment or .env, and a
# default (`${NAME:-…}`) would be a literal secret in the file.
REFERENCE = re.compile(r"^\$\{[A-Z][A-Z0-9_]*(?::?\?[^}]*)?\}$")
# user:password@ in a URL (unless the password is a `${…}` reference), an AWS key id, a PEM key.
CREDENTIAL_LITERAL = re.compile(
    r"[a-z][a-z0-9+.-]*://[^/\s:@]+:(?!\$\{)[^/\s@]+@"
    r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
    r"|-----BEGIN [A-Z ]*KEY"
)

Document = dict[str, Any]
REMOVE = object()  # `changed(…, value=REMOVE)` deletes the key


def load_yaml(path: Path) -> Document:
    document = yaml.safe_load(path.read_text())
    assert isinstance(document, dict), f"{path.name} is not a mapping"
    return document


def schema_errors(validator: jsonschema.protocols.Validator, document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message[:300]}"
        for error in validator.iter_errors(document)
    ]


def changed(document: Document, path: str, value: Any) -> Document:
    """A deep copy with `value` at `path` ("spec/items/0/name"), or that key deleted (REMOVE)."""
    copied = copy.deepcopy(document)
    *parents, last = path.split("/")
    node: Any = copied
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is REMOVE:
        del node[last]
    else:
        node[last] = value
    return copied


def credential_literals(text: str) -> list[str]:
    return [
        f"line {number}: credential literal"
        for number, line in enumerate(text.splitlines(), start=1)
        if CREDENTIAL_LITERAL.search(line)
    ]


def unknown_settings(names: Iterable[str]) -> list[str]:
    """AGENDA_ names that are no Settings field (a typo there is silently ignored)."""
    fields = set(Settings.model_fields)
    return sorted(
        n
        for n in names
        if n.startswith("AGENDA_") and n.removeprefix("AGENDA_").lower() not in fields
    )


# --- serve_config.yaml: Serve's own schema, and no key it would silently drop. ------------------


def unknown_keys(given: Any, known: Any, path: str) -> list[str]:
    """Keys of `given` missing from `known` (a model's dump of it): Serve ignores them."""
    if isinstance(given, dict) and isinstance(known, dict):
        return [
            problem
            for key, value in given.items()
            for problem in (
                unknown_keys(value, known[key], f"{path}/{key}")
                if key in known
                else [f"{path}/{key}: not a field of Serve's schema"]
            )
        ]
    if isinstance(given, list) and isinstance(known, list):
        return [
            p
            for i, (g, k) in enumerate(zip(given, known, strict=True))
            for p in unknown_keys(g, k, f"{path}/{i}")
        ]
    return []


def model_problems(model: type[pydantic.BaseModel], data: Any, path: str) -> list[str]:
    try:
        parsed = model.model_validate(data)
    except pydantic.ValidationError as error:
        return [f"{path}/{'/'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
    return unknown_keys(data, parsed.model_dump(mode="json", exclude_unset=True), path)


def serve_config_problems(config: Document) -> list[str]:
    """ServeDeploySchema (which ignores unknown keys: Serve calls that forward-compatible), no
    unknown key, each autoscaling_config (a plain dict to that schema) against AutoscalingConfig,
    and application args that build_app accepts (deployments/app.py ALLOWED_ARGS)."""
    problems = model_problems(ServeDeploySchema, config, "")
    for a, app in enumerate(config.get("applications") or []):
        refused = sorted(set(app.get("args") or {}) - ALLOWED_ARGS)
        problems += [f"/applications/{a}/args/{name}: build_app refuses it" for name in refused]
        for d, deployment in enumerate(app.get("deployments") or []):
            autoscaling = deployment.get("autoscaling_config")
            if isinstance(autoscaling, dict):
                path = f"/applications/{a}/deployments/{d}/autoscaling_config"
                problems += model_problems(AutoscalingConfig, autoscaling, path)
    return problems


@pytest.fixture(scope="module")
def serve_config() -> Document:
    return load_yaml(SERVE_CONFIG)


def test_serve_config_passes_serves_schema_strictly(serve_config: Document) -> None:
    assert serve_config_problems(serve_config) == []


def autoscaled(config: Document, **options: Any) -> Document:
    deployment = {"min_replicas": 2, "max_replicas": 4, **options}
    copied = copy.deepcopy(config)
    copied["applications"][0]["deployments"][0].pop("num_replicas", None)
    return changed(copied, "applications/0/deployments/0/autoscaling_config", deployment)


def test_every_deployment_autoscales_from_two_replicas_with_a_bounded_queue(
    serve_config: Document,
) -> None:
    deployments = [d for app in serve_config["applications"] for d in app["deployments"]]
    assert {d["name"] for d in deployments} == {"ApiIngress", "LiveIngress"}
    for deployment in deployments:
        scaling = deployment["autoscaling_config"]
        assert 2 <= scaling["min_replicas"] < scaling["max_replicas"], deployment["name"]
        assert deployment["max_queued_requests"] > 0, deployment["name"]


def test_sockets_have_an_application_of_their_own(serve_config: Document) -> None:
    """Open dashboards hold the live replicas' ongoing requests, never the HTTP ones."""
    prefixes = {app["name"]: app["route_prefix"] for app in serve_config["applications"]}
    assert prefixes == {"agenda": "/", "live": "/ws"}
    imports = {app["name"]: app["import_path"] for app in serve_config["applications"]}
    assert imports["live"] == "deployments.app:build_live_app"
    args = {app["name"]: app["args"] for app in serve_config["applications"]}
    assert args["live"] == args["agenda"]  # both place and reach salons alike


def test_serve_config_check_accepts_autoscaling(serve_config: Document) -> None:
    assert serve_config_problems(autoscaled(serve_config, target_ongoing_requests=100)) == []


# Each: where a copy is changed, and to what; the refusal must name that path.
SERVE_MUTATIONS: dict[str, tuple[str, Any]] = {
    "unknown top-level key": ("proxy_locations", "EveryNode"),
    "unknown http_options key": ("http_options/hostname", "0.0.0.0"),
    "unknown deployment key": ("applications/0/deployments/0/num_replica", 2),
    "wrong type": ("applications/0/deployments/0/max_ongoing_requests", "many"),
    "environment-only arg": ("applications/0/args/jwt_secret", "x" * 40),
}


@pytest.mark.parametrize("case", SERVE_MUTATIONS.values(), ids=SERVE_MUTATIONS.keys())
def test_serve_config_check_refuses_a_changed_copy(
    serve_config: Document, case: tuple[str, Any]
) -> None:
    path, value = case
    problems = serve_config_problems(changed(serve_config, path, value))
    assert any(problem.startswith(f"/{path}:") for problem in problems), problems


def test_serve_config_check_refuses_an_unknown_autoscaling_key(serve_config: Document) -> None:
    problems = serve_config_problems(autoscaled(serve_config, target_ongoing_request=100))
    assert problems == [
        "/applications/0/deployments/0/autoscaling_config/target_ongoing_request:"
        " not a field of Serve's schema"
    ]


# --- rayservice.yaml: KubeRay's CRD schema, serveConfigV2 == serve_config.yaml. ----------------


def strict_structural(schema: Any) -> Any:
    """A CRD schema as `kubectl apply` enforces it (strict field validation, its default since
    Kubernetes 1.27): an unknown field is an error, not pruned; `nullable` admits null. CEL rules
    (x-kubernetes-validations) and formats (int32, int-or-string…) are not checked here."""
    if not isinstance(schema, dict):
        return schema
    strict = dict(schema)
    if isinstance(schema.get("properties"), dict):
        strict["properties"] = {k: strict_structural(v) for k, v in schema["properties"].items()}
        if "additionalProperties" not in schema and not schema.get(
            "x-kubernetes-preserve-unknown-fields"
        ):
            strict["additionalProperties"] = False
    for key in ("items", "additionalProperties", "not"):
        if isinstance(schema.get(key), dict):
            strict[key] = strict_structural(schema[key])
    for key in ("anyOf", "allOf", "oneOf"):
        if isinstance(schema.get(key), list):
            strict[key] = [strict_structural(s) for s in schema[key]]
    if schema.get("nullable") is True and isinstance(schema.get("type"), str):
        strict["type"] = [schema["type"], "null"]
    return strict


@pytest.fixture(scope="module")
def rayservice() -> Document:
    return load_yaml(RAYSERVICE)


@pytest.fixture(scope="module")
def crd_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((SCHEMAS / "kuberay-rayservice-v1.json").read_text())
    return jsonschema.Draft4Validator(strict_structural(schema))


def cluster_of(rayservice: Document) -> Document:
    cluster: Document = rayservice["spec"]["rayClusterConfig"]
    return cluster


def pod_specs(rayservice: Document) -> list[Document]:
    cluster = cluster_of(rayservice)
    groups = [cluster["headGroupSpec"], *cluster.get("workerGroupSpecs", [])]
    return [group["template"]["spec"] for group in groups]


def containers(rayservice: Document) -> list[Document]:
    return [
        c
        for spec in pod_specs(rayservice)
        for c in spec.get("initContainers", []) + spec["containers"]
    ]


def test_rayservice_matches_kuberay_crd(
    rayservice: Document, crd_validator: jsonschema.Draft4Validator
) -> None:
    assert (rayservice["apiVersion"], rayservice["kind"]) == ("ray.io/v1", "RayService")
    assert schema_errors(crd_validator, rayservice) == []


CLUSTER = "spec/rayClusterConfig"
WORKER = f"{CLUSTER}/workerGroupSpecs/0"
# Each: where a copy is changed, to what, and what the refusal must say.
CRD_MUTATIONS: dict[str, tuple[str, Any, str]] = {
    "unknown field": (f"{CLUSTER}/gcsFaultToleranceOption", {}, "'gcsFaultToleranceOption' was"),
    "string for integer": (f"{WORKER}/minReplicas", "1", "minReplicas: '1' is not of type"),
    "quantity pattern": (
        f"{WORKER}/template/spec/containers/0/resources/limits/memory",
        "lots",
        "memory: 'lots' does not match",
    ),
    "enum": (f"{CLUSTER}/gcsFaultToleranceOptions/backend", "etcd", "'etcd' is not one of"),
    "required field": (f"{CLUSTER}/headGroupSpec", REMOVE, "'headGroupSpec' is a required"),
}


@pytest.mark.parametrize("case", CRD_MUTATIONS.values(), ids=CRD_MUTATIONS.keys())
def test_crd_check_refuses_a_changed_copy(
    rayservice: Document, crd_validator: jsonschema.Draft4Validator, case: tuple[str, Any, str]
) -> None:
    path, value, expected = case
    errors = schema_errors(crd_validator, changed(rayservice, path, value))
    assert any(expected in error for error in errors), errors


def test_rayservice_serve_config_is_serve_config_yaml(
    rayservice: Document, serve_config: Document
) -> None:
    inline = yaml.safe_load(rayservice["spec"]["serveConfigV2"])
    assert inline == serve_config, f"serveConfigV2 differs from serve_config.yaml: {SYNC_HINT}"


def test_rayservice_serve_config_passes_serves_schema(rayservice: Document) -> None:
    assert serve_config_problems(yaml.safe_load(rayservice["spec"]["serveConfigV2"])) == []


def test_sync_script_copies_a_changed_serve_config(serve_config: Document) -> None:
    text = RAYSERVICE.read_text()
    other = changed(serve_config, "proxy_location", "HeadOnly")
    changed_text = "# kept verbatim, comments too\n" + yaml.safe_dump(other, sort_keys=False)
    before, after = yaml.safe_load(text), yaml.safe_load(sync_rayservice.render(text, changed_text))
    assert after["spec"].pop("serveConfigV2") == changed_text
    before["spec"].pop("serveConfigV2")
    assert after == before


def test_rayservice_runs_the_installed_ray(rayservice: Document) -> None:
    assert cluster_of(rayservice)["rayVersion"] == ray.__version__


def test_rayservice_keeps_gcs_state_in_external_redis(rayservice: Document) -> None:
    options = cluster_of(rayservice)["gcsFaultToleranceOptions"]
    assert options.get("backend", "redis") == "redis"
    assert re.fullmatch(r"[a-z0-9.-]+:\d+", options["redisAddress"])
    password = options["redisPassword"]
    assert "value" not in password, "the Redis password must come from a Secret"
    assert set(password["valueFrom"]["secretKeyRef"]) >= {"name", "key"}


def test_rayservice_autoscales_one_worker_group(rayservice: Document) -> None:
    cluster = cluster_of(rayservice)
    assert cluster["enableInTreeAutoscaling"] is True
    (group,) = cluster["workerGroupSpecs"]
    replicas = group.get("replicas", group["minReplicas"])
    assert 0 <= group["minReplicas"] <= replicas <= group["maxReplicas"], group
    assert group["maxReplicas"] >= 1


def test_rayservice_uses_token_auth_from_a_secret(rayservice: Document) -> None:
    auth = cluster_of(rayservice)["authOptions"]
    assert auth["mode"] == "token" and auth["secretName"]


def test_rayservice_head_migrates_before_ray_starts(rayservice: Document) -> None:
    head = pod_specs(rayservice)[0]
    commands = [c.get("command", []) for c in head.get("initContainers", [])]
    assert ["python", "-m", "scripts.migrate"] in commands
    assert (ROOT / "scripts" / "migrate.py").is_file()


def test_rayservice_containers_take_env_from_a_secret_and_have_resources(
    rayservice: Document,
) -> None:
    for container in containers(rayservice):
        name = container["name"]
        assert any("secretRef" in source for source in container.get("envFrom", [])), name
        for kind in ("requests", "limits"):
            assert set(container["resources"][kind]) >= {"cpu", "memory"}, (name, kind)


def rayservice_secret_problems(rayservice: Document, text: str) -> list[str]:
    literal = [
        f"{container['name']}: {env['name']} has a value, not valueFrom"
        for container in containers(rayservice)
        for env in container.get("env", [])
        if SECRET_NAME.search(env["name"]) and "value" in env
    ]
    return literal + credential_literals(text)


def test_rayservice_holds_no_literal_secret(rayservice: Document) -> None:
    assert rayservice_secret_problems(rayservice, RAYSERVICE.read_text()) == []


def test_rayservice_secret_check_flags_an_env_value(rayservice: Document) -> None:
    env = [{"name": "AGENDA_JWT_SECRET", "value": "a-literal-jwt-secret-of-forty-characters!"}]
    leaky = changed(rayservice, f"{CLUSTER}/headGroupSpec/template/spec/containers/0/env", env)
    assert rayservice_secret_problems(leaky, "") == [
        "ray-head: AGENDA_JWT_SECRET has a value, not valueFrom"
    ]


def test_rayservice_env_names_are_settings_fields(rayservice: Document) -> None:
    names = [env["name"] for c in containers(rayservice) for env in c.get("env", [])]
    assert unknown_settings(names) == []


# --- docker-compose.yml: the Compose Specification, pinned images, no literal secret. ----------


@pytest.fixture(scope="module")
def compose() -> Document:
    return load_yaml(COMPOSE)


@pytest.fixture(scope="module")
def compose_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / "compose-spec.json").read_text())
    return jsonschema.Draft7Validator(schema)


def environment_of(service: Document) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.partition("=")[::2] for item in environment)
    return {name: "" if value is None else str(value) for name, value in environment.items()}


def image_problems(services: Document) -> list[str]:
    problems = []
    for name, service in services.items():
        image = str(service.get("image", ""))
        tag = image.rsplit("/", 1)[-1].partition(":")[2]
        if "@sha256:" not in image and tag in ("", "latest"):
            problems.append(f"{name}: image {image!r} does not pin a tag")
    return problems


def compose_secret_problems(compose: Document, text: str) -> list[str]:
    literal = [
        f"{service}: {name} is not a ${{…}} reference"
        for service, definition in compose["services"].items()
        for name, value in environment_of(definition).items()
        if SECRET_NAME.search(name) and not REFERENCE.match(value)
    ]
    return literal + credential_literals(text)


def test_compose_matches_compose_spec(
    compose: Document, compose_validator: jsonschema.Draft7Validator
) -> None:
    assert schema_errors(compose_validator, compose) == []


# Each: where a copy is changed, to what, and what the refusal must say.
COMPOSE_MUTATIONS: dict[str, tuple[str, Any, str]] = {
    "unknown service key": ("services/redis/imagee", "redis:7", "services/redis: 'imagee'"),
    "unknown condition": (
        "services/ray-head/depends_on/postgres/condition",
        "service_ready",
        "services/ray-head/depends_on: ",
    ),
    "unknown healthcheck key": (
        "services/redis/healthcheck/intervall",
        "5s",
        "services/redis/healthcheck: 'intervall'",
    ),
}


@pytest.mark.parametrize("case", COMPOSE_MUTATIONS.values(), ids=COMPOSE_MUTATIONS.keys())
def test_compose_spec_check_refuses_a_changed_copy(
    compose: Document, compose_validator: jsonschema.Draft7Validator, case: tuple[str, Any, str]
) -> None:
    path, value, expected = case
    errors = schema_errors(compose_validator, changed(compose, path, value))
    assert any(expected in error for error in errors), errors


def test_compose_images_pin_a_tag(compose: Document) -> None:
    assert image_problems(compose["services"]) == []


def test_image_check_refuses_latest_and_untagged() -> None:
    services = {"a": {"image": "redis:latest"}, "b": {"image": "n8nio/n8n"}, "c": {}}
    pinned = {"d": {"image": "postgres@sha256:" + "0" * 64}, "e": {"image": "host:5000/x:1"}}
    assert len(image_problems(services)) == 3
    assert image_problems(pinned) == []


def test_compose_holds_no_literal_secret(compose: Document) -> None:
    assert compose_secret_problems(compose, COMPOSE.read_text()) == []


@pytest.mark.parametrize(
    "value",
    ["a-literal-jwt-secret-of-forty-characters!", "${AGENDA_JWT_SECRET:-dev-default}", ""],
)
def test_compose_secret_check_flags_a_literal_value(compose: Document, value: str) -> None:
    leaky = changed(compose, "services/n8n/environment/X_TOKEN", value)
    assert compose_secret_problems(leaky, "") == ["n8n: X_TOKEN is not a ${…} reference"]


def test_credential_check_flags_a_password_in_a_url() -> None:
    assert credential_literals("url: postgresql://app:pw@db/agenda") == [
        "line 1: credential literal"
    ]
    assert credential_literals("url: postgresql://app:${PGPASSWORD:?}@db/agenda") == []
    assert credential_literals("url: postgresql://app@db/agenda") == []


def test_compose_settings_names_are_settings_fields(compose: Document) -> None:
    names = [n for s in RAY_SERVICES for n in environment_of(compose["services"][s])]
    assert unknown_settings(names) == []
    assert unknown_settings(["AGENDA_DATABSE_URL"]) == ["AGENDA_DATABSE_URL"]


def test_compose_waits_for_healthy_databases(compose: Document) -> None:
    services = compose["services"]
    for database in ("postgres", "redis"):
        assert services[database]["healthcheck"]["test"], database
        for node in RAY_SERVICES:
            assert services[node]["depends_on"][database]["condition"] == "service_healthy"


def test_compose_head_starts_ray_then_migrates_then_deploys(compose: Document) -> None:
    script = " ".join(compose["services"]["ray-head"]["command"])
    steps = ("ray start --head", "python -m scripts.migrate", "serve deploy serve_config.yaml")
    positions = [script.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions), positions
    worker = " ".join(compose["services"]["ray-worker"]["command"])
    assert "ray start --address=ray-head:6379" in worker


def test_compose_mounts_the_n8n_workflows_read_only(compose: Document) -> None:
    mounts = [str(v).split(":") for v in compose["services"]["n8n"]["volumes"]]
    workflows = [m for m in mounts if len(m) == 3 and m[2] == "ro" and m[0].startswith("./")]
    assert workflows, mounts
    assert sorted((ROOT / workflows[0][0]).glob("*.json")), "no n8n workflow in the mounted folder"


def test_compose_and_rayservice_run_the_same_image(compose: Document, rayservice: Document) -> None:
    images = {compose["services"][s]["image"] for s in RAY_SERVICES}
    images |= {c["image"] for c in containers(rayservice)}
    assert len(images) == 1, images
    assert compose["services"]["ray-head"]["build"]["context"] == "."


# --- Dockerfile: Ray's image of the installed Ray, the console built, no secret, not root. -----


@dataclass
class Stage:
    image: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def arguments(self, keyword: str) -> list[str]:
        return [arguments for key, arguments in self.instructions if key == keyword]


def parse_dockerfile(text: str) -> list[Stage]:
    """Stages of (KEYWORD, arguments), continuation lines joined, comments dropped."""
    stages: list[Stage] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or (not line and not pending):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        pending = ""
        if keyword.upper() == "FROM":
            words = [w for w in arguments.split() if not w.startswith("--")]
            named = len(words) == 3 and words[1].lower() == "as"
            stages.append(Stage(words[0], words[2] if named else None))
        elif stages:
            stages[-1].instructions.append((keyword.upper(), arguments.strip()))
    return stages


def assignments(arguments: str) -> dict[str, str]:
    """ENV NAME=value… (or the old `ENV NAME value`), ARG NAME[=default]."""
    words = shlex.split(arguments)
    if len(words) > 1 and "=" not in words[0]:
        return {words[0]: " ".join(words[1:])}
    return {name: value for name, _, value in (w.partition("=") for w in words)}


def copies(stage: Stage) -> list[tuple[list[str], list[str], str]]:
    """(flags, sources, destination) of each COPY."""
    result = []
    for arguments in stage.arguments("COPY"):
        words = shlex.split(arguments)
        flags = [w for w in words if w.startswith("--")]
        paths = [w for w in words if not w.startswith("--")]
        result.append((flags, paths[:-1], paths[-1]))
    return result


def runtime_image_problems(stages: list[Stage], ray_version: str, python: str) -> list[str]:
    match = re.fullmatch(
        r"rayproject/ray:(?P<ray>[0-9.]+)-py(?P<py>\d+)(?:-cpu)?", stages[-1].image
    )
    if not match:
        return [f"the last stage is not FROM rayproject/ray:<version>-py<XY>: {stages[-1].image}"]
    problems = []
    if match["ray"] != ray_version:
        problems.append(f"the image has Ray {match['ray']}, .venv has {ray_version}")
    if match["py"] != python:
        problems.append(f"the image has Python py{match['py']}, .venv has py{python}")
    return problems


def dockerfile_secret_problems(stages: list[Stage]) -> list[str]:
    return [
        f"{keyword} {name}"
        for stage in stages
        for keyword, arguments in stage.instructions
        if keyword in ("ENV", "ARG")
        for name in assignments(arguments)
        if SECRET_NAME.search(name)
    ]


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return parse_dockerfile(DOCKERFILE.read_text())


PYTHON_TAG = f"{sys.version_info.major}{sys.version_info.minor}"


def test_dockerfile_runtime_is_rays_image_of_the_installed_ray(stages: list[Stage]) -> None:
    assert runtime_image_problems(stages, ray.__version__, PYTHON_TAG) == []
    older = parse_dockerfile(DOCKERFILE.read_text().replace(f"ray:{ray.__version__}", "ray:2.9.0"))
    assert runtime_image_problems(older, ray.__version__, PYTHON_TAG) != []


def test_dockerfile_node_stage_builds_the_console(stages: list[Stage]) -> None:
    node = next(s for s in stages if s.image.startswith("node:"))
    assert int(node.image.split(":")[1].split("-")[0]) >= 20, node.image
    scripts = json.loads((KIT / "package.json").read_text())["scripts"]
    assert scripts["build"].startswith("vite build")
    runs = " && ".join(node.arguments("RUN"))
    assert "npm ci" in runs and "npm run build" in runs, runs
    assert 'outDir: "../dist/console"' in (KIT / "vite.config.ts").read_text()
    built = f"{node.arguments('WORKDIR')[-1]}/dist/console"
    runtime = stages[-1]
    console_copies = [c for c in copies(runtime) if f"--from={node.name}" in c[0]]
    assert [(sources, destination) for _, sources, destination in console_copies] == [
        ([built], BUILT_CONSOLE.relative_to(ROOT).as_posix())
    ]


def test_dockerfile_names_the_console_for_the_installed_package(stages: list[Stage]) -> None:
    runtime = stages[-1]
    environment = {k: v for a in runtime.arguments("ENV") for k, v in assignments(a).items()}
    workdir = runtime.arguments("WORKDIR")[-1]
    expected = f"{workdir}/{BUILT_CONSOLE.relative_to(ROOT).as_posix()}"
    assert environment["AGENDA_CONSOLE_DIR"] == expected
    assert unknown_settings(list(environment)) == []
    assert environment["RAY_SERVE_ENABLE_HA_PROXY"] == "1"
    assert environment["RAY_SERVE_THROUGHPUT_OPTIMIZED"] == "1"


def test_dockerfile_copies_every_package_before_installing(stages: list[Stage]) -> None:
    runtime = stages[-1]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = [
        p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    ]
    install = next(i for i, (k, a) in enumerate(runtime.instructions) if "--no-deps" in a)
    copied_before = {
        s.rstrip("/")
        for _, sources, _ in copies(Stage("", None, runtime.instructions[:install]))
        for s in sources
    }
    assert set(packages) | {"pyproject.toml"} <= copied_before
    copied = {s.rstrip("/") for _, sources, _ in copies(runtime) for s in sources}
    assert {"scripts", "serve_config.yaml"} <= copied


def lock_install_problems(stage: Stage) -> list[str]:
    """The runtime lock installed with hashes before the project, and the project without
    dependencies, built by the lock's setuptools (nothing resolved at build time), never the
    test extra."""
    runs = [(i, a) for i, (k, a) in enumerate(stage.instructions) if k == "RUN" and "pip " in a]
    lock = [i for i, a in runs if f"--require-hashes -r {RUNTIME.path}" in a]
    project = [
        i
        for i, a in runs
        if re.search(r"pip install .* \.(?:\s|$)", a)
        and {"--no-deps", "--no-build-isolation"} <= set(a.split())
    ]
    problems = [f"installs the test extra: {a}" for _, a in runs if "[test]" in a]
    if not lock:
        problems.append(f"no RUN pip install --require-hashes -r {RUNTIME.path}")
    if not project:
        problems.append("no RUN pip install --no-deps --no-build-isolation . (the project alone)")
    if lock and project and lock[0] > project[0]:
        problems.append("the project is installed before the lock")
    copied = [
        i
        for i, (k, a) in enumerate(stage.instructions)
        if k == "COPY" and RUNTIME.path in shlex.split(a)
    ]
    if lock and not (copied and copied[0] < lock[0]):
        problems.append(f"{RUNTIME.path} is not copied before its install")
    return problems


def test_dockerfile_installs_runtime_dependencies_only(stages: list[Stage]) -> None:
    assert lock_install_problems(stages[-1]) == []


DOCKERFILE_MUTATIONS = {
    "unlocked": ("--require-hashes -r requirements/runtime.txt", "-r requirements/runtime.txt"),
    "dev lock": ("requirements/runtime.txt", "requirements/dev.txt"),
    "resolves": ("--no-deps --no-build-isolation .", "--no-build-isolation ."),
    "unpinned setuptools": ("--no-deps --no-build-isolation .", "--no-deps ."),
    "test extra": ("--no-build-isolation .", "--no-build-isolation .[test]"),
}


@pytest.mark.parametrize("case", DOCKERFILE_MUTATIONS.values(), ids=DOCKERFILE_MUTATIONS.keys())
def test_dockerfile_install_check_refuses_a_changed_copy(case: tuple[str, str]) -> None:
    old, new = case
    text = DOCKERFILE.read_text()
    assert old in text
    assert lock_install_problems(parse_dockerfile(text.replace(old, new))[-1]) != []


def test_dockerfile_sets_fast_node_health_checks(stages: list[Stage]) -> None:
    """As cluster.yaml's head and tests/cluster: a crashed node is known dead in ~1.5 s."""
    env = {k: v for a in stages[-1].arguments("ENV") for k, v in assignments(a).items()}
    assert env.get("RAY_health_check_period_ms") == "500", env
    assert env.get("RAY_health_check_failure_threshold") == "3", env


def test_dockerfile_runs_as_a_user_not_root(stages: list[Stage]) -> None:
    users = stages[-1].arguments("USER")
    assert users and users[-1].split(":")[0] not in ("root", "0"), users


def test_dockerfile_sets_no_secret(stages: list[Stage]) -> None:
    assert dockerfile_secret_problems(stages) == []
    assert credential_literals(DOCKERFILE.read_text()) == []
    leaky = DOCKERFILE.read_text() + "ENV AGENDA_JWT_SECRET=abc OTHER=1\nARG RAY_AUTH_TOKEN\n"
    assert dockerfile_secret_problems(parse_dockerfile(leaky)) == [
        "ENV AGENDA_JWT_SECRET",
        "ARG RAY_AUTH_TOKEN",
    ]


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    ignored = {line.strip() for line in DOCKERIGNORE.read_text().splitlines()}
    assert {".env", ".git", ".venv", ".data", "**/node_modules", "**/__pycache__"} <= ignored
