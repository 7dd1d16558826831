"""Measure intimacy's speed and memory targets against baselines measured in the same run.

Usage: ``python benchmarks/run.py`` from the repository (any Python 3.11+).

It builds the wheel, installs it with ``faker`` into a fresh virtual
environment, and measures each target there, as a user would run it, next to a
baseline measured the same way in the same run.  Each line prints the figure,
the baseline, the ratio and the target; the exit status is 1 when any target is
missed.  It is not part of the test suite: tests never assert a time.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import venv
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "15"))

# -- measurements run inside the benchmark environment ----------------------------------------

RENDER = r"""
import copy, json, statistics, time
from intimacy import LOCALES, Relationship, RenderContext, engine_for, load_catalog

catalog = load_catalog()
prompts = [p for p in catalog.prompts if Relationship.FRIEND in p.relationships]
context = RenderContext(Relationship.FRIEND, ["Sam"])
phrase = {"other": "Sam"}


def floor_catalog(engine):
    # The same messages as a plain gettext catalog with %-placeholders.
    if not hasattr(engine.translations, "_catalog"):
        return engine.translations  # English: the source messages themselves
    floor = copy.copy(engine.translations)
    floor._catalog = {
        k: v.replace("{{ other }}", "%(other)s") if isinstance(v, str) else v
        for k, v in engine.translations._catalog.items()
    }
    return floor


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


results = {}
ours, base = [], []
for locale in LOCALES[1:]:
    engine = engine_for(locale)
    floor = floor_catalog(engine)
    keys = [(p.id + ".text", p.text.replace("{{ other }}", "%(other)s")) for p in prompts]
    for p in prompts:
        engine.render_prompt(p, context)  # warm: the first render prepares each text

    def render():
        for p in prompts:
            engine.render_prompt(p, context)

    def gettext_floor():
        for ctx, msgid in keys:
            floor.pgettext(ctx, msgid) % phrase

    ours.append(best(render, 25) / len(prompts))
    base.append(best(gettext_floor, 25) / len(prompts))
results["render"] = (statistics.median(ours), statistics.median(base))

# Every prompt in every shipped locale, written as JSON.
every = [(p, RenderContext(p.relationships[0], ["Sam"])) for p in catalog.prompts]
engines = {loc: engine_for(loc) for loc in LOCALES}
floors = {loc: floor_catalog(e) for loc, e in engines.items()}
keys = [(p.id + ".text", p.text.replace("{{ other }}", "%(other)s")) for p, _ in every]


def export_all():
    out = {}
    for loc, engine in engines.items():
        out[loc] = [engine.prompt_text(p, ctx) for p, ctx in every]
    return json.dumps(out, ensure_ascii=False)


def export_floor():
    out = {}
    for loc, floor in floors.items():
        out[loc] = [floor.pgettext(c, m) % phrase for c, m in keys]
    return json.dumps(out, ensure_ascii=False)


export_all()
results["export_all"] = (best(export_all, 9), best(export_floor, 9))
print(json.dumps(results))
"""

CATALOG = r"""
import json, statistics, time
from intimacy._catalog import Catalog
from intimacy._compiled import load_compiled
from intimacy._resources import compiled_catalog_path

path = compiled_catalog_path()
assert path is not None, "the benchmark runs against the installed wheel"
ours, base = [], []
for _ in range(30):
    start = time.perf_counter()
    exercises, version = load_compiled(path)
    Catalog(exercises, version=version)
    ours.append(time.perf_counter() - start)
    start = time.perf_counter()
    json.loads(path.read_bytes())
    base.append(time.perf_counter() - start)
print(json.dumps({"catalog": (statistics.median(ours), statistics.median(base))}))
"""

IMPORT = "import time; s = time.perf_counter(); import {module}; print(time.perf_counter() - s)"

PEAK = r"""
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

DECK = ["deck", "--relationship", "friend", "--count", "12", "--locale", "de"]
DEPENDENCIES = "import jinja2, babel.support, attrs, click"


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _import_time(python: str, module: str) -> float:
    code = IMPORT.format(module=module)
    out = subprocess.run([python, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(out)


def _paired(ours: Callable[[], float], base: Callable[[], float]) -> tuple[float, float]:
    """Medians of both, measured alternately, so that drift in the machine's load cancels."""
    ours_times, base_times = [], []
    for _ in range(RUNS):
        ours_times.append(ours())
        base_times.append(base())
    return statistics.median(ours_times), statistics.median(base_times)


def _peak_kib(python: str, command: list[str]) -> int:
    return max(
        int(
            subprocess.run(
                [python, "-c", PEAK, *command], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(3)
    )


def _run_json(python: str, code: str) -> dict[str, list[float]]:
    result = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(f"a measurement failed:\n{result.stderr}")
    out = result.stdout
    data: dict[str, list[float]] = json.loads(out)
    return data


def _environment(workdir: Path) -> tuple[str, str]:
    print("building the wheel and a fresh environment ...", flush=True)
    dist = workdir / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("intimacy-*.whl")
    env = workdir / "venv"
    venv.create(env, with_pip=True)
    python = str(env / "bin" / "python")
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
            "faker",
        ],
        check=True,
    )
    return python, str(env / "bin" / "intimacy")


def _versions(python: str) -> str:
    code = textwrap.dedent(
        """
        import importlib.metadata as m, platform
        names = ["intimacy", "jinja2", "babel", "attrs", "cattrs", "click", "faker"]
        print(platform.python_version() + "; " + ", ".join(f"{n} {m.version(n)}" for n in names))
        """
    )
    return subprocess.run(
        [python, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> int:
    """Measure every target; return the exit status."""
    with tempfile.TemporaryDirectory(prefix="intimacy-bench-") as tmp:
        workdir = Path(tmp)
        python, cli = _environment(workdir)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
        print(f"versions: Python {_versions(python)}")
        print(f"runs per figure: {RUNS} (medians)\n")
        rows: list[tuple[str, str, float, float, float, float]] = []

        figures = _run_json(python, RENDER)
        ours, base = figures["render"]
        rows.append(
            (
                "render one prompt (non-source locales)",
                "µs",
                ours * 1e6,
                base * 1e6,
                ours / base,
                3.0,
            )
        )

        ours, base = _paired(
            lambda: _import_time(python, "intimacy"), lambda: _import_time(python, "faker")
        )
        rows.append(
            ("import intimacy vs import faker", "ms", ours * 1e3, base * 1e3, ours / base, 0.6)
        )

        ours, base = _paired(
            lambda: _wall([cli, *DECK]), lambda: _wall([python, "-c", DEPENDENCIES])
        )
        rows.append(
            ("intimacy deck --count 12 --locale de", "ms", ours * 1e3, base * 1e3, ours / base, 1.5)
        )

        catalog = _run_json(python, CATALOG)["catalog"]
        rows.append(
            ("load the built-in catalog vs json.loads", "ms", catalog[0] * 1e3, catalog[1] * 1e3,
             catalog[0] / catalog[1], 3.0)
        )  # fmt: skip

        ours, base = figures["export_all"]
        rows.append(
            ("every prompt x every locale to JSON", "ms", ours * 1e3, base * 1e3, ours / base, 3.0)
        )

        ours_kib = _peak_kib(python, [cli, *DECK])
        base_kib = _peak_kib(python, [python, "-c", DEPENDENCIES])
        rows.append(
            (
                "peak memory of intimacy deck",
                "MiB",
                ours_kib / 1024,
                base_kib / 1024,
                ours_kib / base_kib,
                1.5,
            )
        )

    missed = 0
    width = max(len(r[0]) for r in rows)
    header = f"{'target'.ljust(width)}  {'figure':>10}  {'baseline':>10}  {'ratio':>6}  {'max':>5}"
    print(header + "  result")
    for name, unit, ours, base, ratio, limit in rows:
        ok = ratio <= limit
        missed += not ok
        print(
            f"{name.ljust(width)}  {ours:>7.2f} {unit:<3}  {base:>6.2f} {unit:<3}  "
            f"{ratio:>6.2f}  {limit:>5.2f}  {'met' if ok else 'MISSED'}"
        )
    print(f"\n{len(rows) - missed} of {len(rows)} targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
