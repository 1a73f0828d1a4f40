"""Demo-data generation: `seed_demo` throughput on a fresh SQLite database.

Baseline, measured in the same run: inserting the same number of candidate rows with
the standard library's sqlite3 `executemany` (no Django, no Faker, no logic). The ratio
says how much the generator's realism and the ORM cost over a raw bulk insert.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from io import StringIO
from pathlib import Path

SIZE = int(os.environ.get("BENCH_SEED_SIZE", "20000"))


def _seed(db_path: Path) -> float:
    os.environ["SQLITE_PATH"] = str(db_path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samspill.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", size=SIZE, stdout=StringIO())
    return time.perf_counter() - started


def _raw_insert(db_path: Path) -> float:
    rows = [
        (f"uuid-{n}", "Kari", "Nordmann", "1990-01-01", "female", "Oslo", "", "", "standard")
        for n in range(SIZE)
    ]
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "CREATE TABLE c (uuid TEXT UNIQUE, first TEXT, last TEXT, born TEXT, "
            "gender TEXT, municipality TEXT, phone TEXT, email TEXT, need TEXT)"
        )
        started = time.perf_counter()
        connection.executemany("INSERT INTO c VALUES (?,?,?,?,?,?,?,?,?)", rows)
        connection.commit()
        return time.perf_counter() - started


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        raw = _raw_insert(Path(folder) / "raw.sqlite3")
        seeded = _seed(Path(folder) / "seed.sqlite3")
    k = SIZE // 1000
    print(f"seed_demo_{k}k {seeded:.2f} s")
    print(f"seed_demo_candidates_per_s {SIZE / seeded:.0f} 1/s")
    print(f"seed_raw_insert_{k}k {raw * 1000:.1f} ms")
    print(f"seed_vs_raw_insert_ratio {seeded / raw:.1f} x")
