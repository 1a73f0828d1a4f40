"""Min portefølje at scale: one advisor with 200 processes among 100 000 in the database.

Baseline, measured in the same run on the same database: the same page for an advisor
with 20 processes. A ratio near 1 means the page does not grow with the caseload; the
query count is printed too (the tests pin it).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from io import StringIO
from pathlib import Path

SIZE = int(os.environ.get("BENCH_PORTFOLIO_SIZE", "100000"))
RUNS = 15


def _time_page(client, url: str) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SQLITE_PATH"] = str(Path(folder) / "portfolio.sqlite3")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samspill.settings")
        import django
        from django.core.management import call_command

        django.setup()
        from django.test import Client

        from samspill.accounts.models import Role, User
        from samspill.processes.models import InclusionProcess

        call_command("migrate", verbosity=0)
        call_command("seed_demo", size=SIZE, stdout=StringIO())
        big = User.objects.get(username="advisor")
        small = User.objects.filter(role=Role.ADVISOR, office=big.office).exclude(pk=big.pk)[0]
        others = InclusionProcess.objects.filter(office=big.office).exclude(advisor=big)
        take = 200 - big.owned_processes.count()
        ids = list(others.exclude(advisor=small).values_list("pk", flat=True)[:take])
        InclusionProcess.objects.filter(pk__in=ids).update(advisor=big)
        keep = list(small.owned_processes.values_list("pk", flat=True)[:20])
        small.owned_processes.exclude(pk__in=keep).update(advisor=big)
        results = {}
        for label, user in (("200", big), ("20", small)):
            client = Client()
            client.force_login(user)
            results[label] = _time_page(client, "/forlop/portefolje/?fase=alle")
        filtered = _time_page(client, "/forlop/portefolje/?unge=on&behov=on&uten_kontakt=on")
    k = SIZE // 1000
    print(f"portfolio_{k}k_200_p50 {results['200'][0]:.1f} ms")
    print(f"portfolio_{k}k_200_p95 {results['200'][1]:.1f} ms")
    print(f"portfolio_{k}k_20_p50 {results['20'][0]:.1f} ms")
    print(f"portfolio_{k}k_filtered_p50 {filtered[0]:.1f} ms")
    print(f"portfolio_200_vs_20_ratio {results['200'][0] / results['20'][0]:.2f} x")
    print(f"portfolio_queries_200 {results['200'][2]} queries")
    print(f"portfolio_queries_20 {results['20'][2]} queries")
