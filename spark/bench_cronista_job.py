"""Spark's overhead over plain `cronista analyze`, on the same articles (scripts/bench-spark runs it).

    bench_cronista_job.py CRONISTA_BIN DOCS.jsonl WORKDIR

For 1 and 2 cores: `cronista analyze -j N` over the file (wall time, best of RUNS), then the Spark
job in `local[N]` with N partitions and `-j 1` per task, timed inside a started SparkSession after a
warm-up job (start-up excluded, as the issue asks), best of RUNS. Prints a markdown table.
"""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cronista_job  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

RUNS = int(os.environ.get("RUNS", "2"))


def plain(binary: str, docs: str, out: str, jobs: int) -> float:
    best = float("inf")
    for _ in range(RUNS):
        t = time.perf_counter()
        with open(out, "wb") as f:
            subprocess.run([binary, "analyze", "--format", "jsonl", "--error-records", "-j", str(jobs), docs],
                           stdout=f, stderr=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - t)
    return best


def spark_run(binary: str, docs: str, warm: str, work: str, cores: int) -> float:
    spark = (SparkSession.builder.master(f"local[{cores}]").appName(f"cronista-bench-{cores}")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        def job(src: str, name: str) -> float:
            out = os.path.join(work, name)
            shutil.rmtree(out, ignore_errors=True)
            args = cronista_job.parse_args(["--input", src, "--output", out, "--binary", binary,
                                            "--jobs", "1", "--partitions", str(cores)])
            t = time.perf_counter()
            cronista_job.run(spark, args)
            return time.perf_counter() - t
        job(warm, "warm")
        return min(job(docs, f"run{i}") for i in range(RUNS))
    finally:
        spark.stop()


def main() -> None:
    binary, docs, work = sys.argv[1], sys.argv[2], sys.argv[3]
    n = sum(1 for line in open(docs, encoding="utf-8") if line.strip())
    warm = os.path.join(work, "warm.jsonl")
    with open(docs, encoding="utf-8") as src, open(warm, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= 200:
                break
            dst.write(line)
    rows = []
    for cores in (1, 2):
        a = plain(binary, docs, os.path.join(work, f"plain{cores}.jsonl"), cores)
        s = spark_run(binary, docs, warm, work, cores)
        rows.append((cores, a, s))
    print(f"| {n:,} articles, cores | `cronista analyze -j N` | Spark `local[N]`, N tasks × `-j 1` | Spark overhead |")
    print("| --- | ---: | ---: | ---: |")
    for cores, a, s in rows:
        print(f"| {cores} | {a:.1f} s, {n / a:,.0f} articles/s | {s:.1f} s, {n / s:,.0f} articles/s | {100 * (s / a - 1):+.0f} % |")


if __name__ == "__main__":
    main()
