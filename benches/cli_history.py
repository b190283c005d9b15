#!/usr/bin/env python3
"""`leadback habits list --json` as a whole process, on 20 habits over 1 and over 10 years.

Like hyperfine: a few warm-up runs (the first also brings the derived values up to date), then
N timed runs of the release CLI, reporting the mean, median and range, and the ratio of ten years
to one (issue #23: at most 1.5). `leadback me` is timed the same way as the floor every command
pays: starting the process and opening the database, whose `quick_check` reads every page, so
its cost grows with the file. Standard library only.

    cargo build --release -p leadback-cli
    python3 benches/cli_history.py [--cli target/release/leadback] [--runs 30] [--json out.json]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_data(cli: Path, folder: Path, years: int) -> None:
    subprocess.run(
        [str(cli), "--data-dir", str(folder), "demo", "--habits", "20", "--years", str(years),
         "--seed", "7"],
        check=True, stdout=subprocess.DEVNULL)


def time_runs(cli: Path, folder: Path, args: list[str], runs: int, warmup: int) -> list[float]:
    command = [str(cli), "--data-dir", str(folder), *args]
    for _ in range(warmup):
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", type=Path, default=Path("target/release/leadback"))
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if not args.cli.is_file():
        print(f"{args.cli} is missing: cargo build --release -p leadback-cli", file=sys.stderr)
        return 2
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for years in (1, 10):
            folder = Path(scratch) / f"years-{years}"
            make_data(args.cli, folder, years)
            for name, command in (("habits list --json", ["habits", "list", "--json"]),
                                  ("me (the floor)", ["me"])):
                times = time_runs(args.cli, folder, command, args.runs, args.warmup)
                r = {
                    "mean_ms": statistics.mean(times),
                    "median_ms": statistics.median(times),
                    "min_ms": min(times),
                    "max_ms": max(times),
                    "runs": len(times),
                }
                results.setdefault(name, {})[years] = r
                print(f"{name:<20} 20 habits x {years:>2} years: median {r['median_ms']:.1f} ms, "
                      f"mean {r['mean_ms']:.1f} ms, range {r['min_ms']:.1f}-{r['max_ms']:.1f} ms "
                      f"({r['runs']} runs)")
    ratios = {}
    for name, by_years in results.items():
        ratios[name] = by_years[10]["median_ms"] / by_years[1]["median_ms"]
        print(f"{name}: ten years / one year (medians) {ratios[name]:.2f} x")
    own = {y: results["habits list --json"][y]["median_ms"] - results["me (the floor)"][y]["median_ms"]
           for y in (1, 10)}
    print(f"habits list beyond the floor: {own[1]:.1f} ms at 1 year, {own[10]:.1f} ms at 10 years "
          "(budget for the whole: 1.5 x)")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "ratios": ratios,
                                         "beyond_floor_ms": own}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
