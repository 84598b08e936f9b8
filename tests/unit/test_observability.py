"""docs/observability/: the Grafana dashboard and the alert rules plot and watch only metrics
that exist — ours, as our code defines them (and Ray exports them: `ray_` prefix, `_total` on
counters, `_bucket|_sum|_count` on histograms; tests/e2e/test_metrics.py scrapes a live node to
hold that rule), or Ray's own, as the dashboards Ray ships plot them."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import ray
import yaml

ROOT = Path(__file__).resolve().parents[2]
OBSERVABILITY = ROOT / "docs" / "observability"
OUR_PACKAGES = ("actors", "deployments", "integrations")
METRIC = re.compile(r"\bray_[a-z0-9_]+\b")
KIND_SUFFIXES = {"Counter": ("_total",), "Gauge": ("",), "Histogram": ("_bucket", "_sum", "_count")}


def our_metrics() -> dict[str, str]:
    """Each ray.util.metrics instrument our code creates: name → kind (read from the source)."""
    found = {}
    for package in OUR_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in KIND_SUFFIXES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and str(node.args[0].value).startswith("agenda_")
                ):
                    found[str(node.args[0].value)] = node.func.id
    found.update(backlog_gauges())
    return found


def backlog_gauges() -> dict[str, str]:
    from actors.backlog import GAUGES, LAST_STEP

    return {name: "Gauge" for name, _ in (*GAUGES.values(), LAST_STEP)}


def exported_names(metrics: dict[str, str]) -> set[str]:
    return {
        f"ray_{name}{suffix}" for name, kind in metrics.items() for suffix in KIND_SUFFIXES[kind]
    }


def rays_own() -> set[str]:
    """The metric names the Grafana dashboards that Ray ships plot."""
    folder = Path(ray.__file__).parent / "dashboard" / "modules" / "metrics" / "dashboards"
    return {name for path in folder.glob("*.py") for name in METRIC.findall(path.read_text())}


def dashboard_expressions() -> list[str]:
    dashboard = json.loads((OBSERVABILITY / "grafana-dashboard.json").read_text())
    return [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]


def alert_rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((OBSERVABILITY / "alerts.yml").read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def unknown_metrics(expressions: list[str], known: set[str]) -> set[str]:
    return {name for expr in expressions for name in METRIC.findall(expr)} - known


def test_every_metric_the_dashboard_plots_exists() -> None:
    known = exported_names(our_metrics()) | rays_own()
    assert unknown_metrics(dashboard_expressions(), known) == set()


def test_every_metric_an_alert_watches_exists_and_each_says_what_to_do() -> None:
    rules = alert_rules()
    known = exported_names(our_metrics()) | rays_own()
    assert unknown_metrics([rule["expr"] for rule in rules], known) == set()
    for rule in rules:
        assert rule["labels"]["severity"] in ("page", "ticket"), rule["alert"]
        assert rule["annotations"]["summary"] and rule["annotations"]["runbook"], rule["alert"]
    assert {"OutboxNotLeaving", "WhatsAppFailureRate", "LlmFallbackRate"} <= {
        rule["alert"] for rule in rules
    }
    assert "SchedulerNotProgressing" in {rule["alert"] for rule in rules}


def test_the_check_refuses_a_metric_nobody_exports() -> None:
    known = exported_names(our_metrics()) | rays_own()
    assert unknown_metrics(["rate(ray_agenda_chat_messages_total[5m])"], known) == set()
    assert unknown_metrics(["rate(ray_agenda_chat_message_total[5m])"], known) == {
        "ray_agenda_chat_message_total"
    }
    assert unknown_metrics(["ray_agenda_llm_seconds_total"], known) != set()  # a histogram


def test_every_metric_of_ours_is_plotted() -> None:
    plotted = {name for expr in dashboard_expressions() for name in METRIC.findall(expr)}
    for name, kind in our_metrics().items():
        assert any(f"ray_{name}{s}" in plotted for s in KIND_SUFFIXES[kind]), name


def test_prometheus_loads_the_rules_and_scrapes_rays_service_discovery() -> None:
    config = yaml.safe_load((OBSERVABILITY / "prometheus.yml").read_text())
    assert config["rule_files"] == ["alerts.yml"]
    files = config["scrape_configs"][0]["file_sd_configs"][0]["files"]
    assert files == ["/tmp/ray/prom_metrics_service_discovery.json"]
