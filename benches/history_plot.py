#!/usr/bin/env python3
"""Each screen's data time against years of history, from `cargo bench --bench history`.

    python3 benches/history_plot.py save after [--criterion target/criterion]
        reads criterion's estimates of the `history_*` benchmarks and keeps them as
        benches/results/history-after.json (any label: "before", "after"...)
    python3 benches/history_plot.py plot [--out benches/results/history.svg]
        draws every screen's time against 1, 5, 10 and 20 years, before (dashed) and after
        (solid), from benches/results/history-before.json and history-after.json, as an SVG, and
        prints the numbers as Markdown for the README.

Standard library only.
"""

import argparse
import json
import math
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SCREENS = {
    "history_home": ("home", "#1b6ca8"),
    "history_habit": ("one habit's page", "#c2571a"),
    "history_progress": ("progress roll-up per stance", "#2e7d32"),
}
YEARS = (1, 5, 10, 20)


def read_criterion(root: Path) -> dict[str, float]:
    """Every benchmark's time per iteration, in milliseconds, by its full id."""
    means = {}
    for bench in root.glob("**/new/benchmark.json"):
        estimates = bench.parent / "estimates.json"
        if not estimates.is_file():
            continue
        full_id = json.loads(bench.read_text())["full_id"]
        if full_id.startswith("history_"):
            # What criterion prints: the slope over its linear sampling, else the mean.
            found = json.loads(estimates.read_text())
            estimate = found.get("slope") or found["mean"]
            means[full_id] = estimate["point_estimate"] / 1e6
    return means


def load(label: str) -> dict[str, float]:
    path = RESULTS / f"history-{label}.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def series(results: dict[str, float], group: str) -> list[tuple[int, float]]:
    points = []
    for years in YEARS:
        value = results.get(f"{group}/20 habits x {years} years")
        if value is not None:
            points.append((years, value))
    return points


def svg(before: dict[str, float], after: dict[str, float]) -> str:
    width, height = 840, 420
    left, right, top, bottom = 70, 330, 40, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for r in (before, after) for g in SCREENS for _, v in series(r, g)]
    low = 10 ** math.floor(math.log10(min(values + [0.1])))
    high = 10 ** math.ceil(math.log10(max(values + [20.0])))

    def x(years: float) -> float:
        return left + plot_w * (years - 1) / (YEARS[-1] - 1)

    def y(ms: float) -> float:
        share = (math.log10(ms) - math.log10(low)) / (math.log10(high) - math.log10(low))
        return top + plot_h * (1 - share)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="22" font-size="14" font-weight="bold">Each screen\'s data, '
        "20 habits, against years of history (ms, log scale)</text>",
    ]
    decade = low
    while decade <= high:
        for step in (1, 2, 5):
            tick = decade * step
            if low <= tick <= high:
                out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" '
                           f'y2="{y(tick):.1f}" stroke="#ddd"/>')
                out.append(f'<text x="{left - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">'
                           f"{tick:g}</text>")
        decade *= 10
    for years in YEARS:
        out.append(f'<line x1="{x(years):.1f}" x2="{x(years):.1f}" y1="{top}" '
                   f'y2="{top + plot_h}" stroke="#eee"/>')
        out.append(f'<text x="{x(years):.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
                   f"{years}</text>")
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 15}" text-anchor="middle">'
               "years of history</text>")
    for budget, label in ((20, "budget of any screen, 20 ms"), (5, "home's budget, 5 ms")):
        if low <= budget <= high:
            out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(budget):.1f}" '
                       f'y2="{y(budget):.1f}" stroke="#b00" stroke-dasharray="2,3"/>')
            out.append(f'<text x="{left + 4}" y="{y(budget) - 4:.1f}" fill="#b00">{label}</text>')
    legend_y = top + 10
    for group, (name, colour) in SCREENS.items():
        for results, dash, label in ((before, "6,4", "before"), (after, "", "after")):
            points = series(results, group)
            if not points:
                continue
            path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                       f'stroke-width="2"{dashes}/>')
            for a, b in points:
                out.append(f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="3" fill="{colour}"/>')
            lx = left + plot_w + 20
            out.append(f'<line x1="{lx}" x2="{lx + 30}" y1="{legend_y}" y2="{legend_y}" '
                       f'stroke="{colour}" stroke-width="2"{dashes}/>')
            out.append(f'<text x="{lx + 38}" y="{legend_y + 4}">{name}, {label}</text>')
            legend_y += 20
    out.append("</svg>")
    return "\n".join(out) + "\n"


def table(before: dict[str, float], after: dict[str, float]) -> str:
    rows = ["| benchmark | before (ms) | after (ms) |", "| --- | --- | --- |"]
    for key in sorted(set(before) | set(after)):
        fmt = lambda r: f"{r[key]:.2f}" if key in r else "—"  # noqa: E731
        rows.append(f"| {key} | {fmt(before)} | {fmt(after)} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    save = commands.add_parser("save")
    save.add_argument("label")
    save.add_argument("--criterion", type=Path, default=Path("target/criterion"))
    plot = commands.add_parser("plot")
    plot.add_argument("--out", type=Path, default=RESULTS / "history.svg")
    args = parser.parse_args()
    if args.command == "save":
        means = read_criterion(args.criterion)
        if not means:
            print(f"no history_* estimates under {args.criterion}", file=sys.stderr)
            return 2
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"history-{args.label}.json"
        path.write_text(json.dumps(dict(sorted(means.items())), indent=2) + "\n")
        print(f"{len(means)} benchmarks saved in {path}")
        return 0
    before, after = load("before"), load("after")
    args.out.write_text(svg(before, after))
    print(table(before, after))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
