"""Run every benchmark in bench/ and print `name value unit` lines.

Each benchmark measures its baseline in the same run and reports a ratio, because the
machines are shared and noisy. Run with `make bench`.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

BENCHMARKS = ["bench_seed", "bench_portfolio", "bench_matching"]


def main() -> None:
    started = time.monotonic()
    for number, name in enumerate(BENCHMARKS, start=1):
        print(f"# [{number}/{len(BENCHMARKS)}] {name}", file=sys.stderr, flush=True)
        importlib.import_module(name).run()
    print(f"# done in {time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
