"""Spark's overhead over plain `cronista analyze`, on the same articles (scripts/bench-spark runs it).

    bench_cronista_job.py CRONISTA_BIN DOCS.jsonl SMALL.jsonl WORKDIR

For 1 and 2 cores, four runs, each measured for wall time and for the CPU time of its whole process
tree (user + system of every child it waited for: the JVM, Spark's Python workers, every cronista):
  - `cronista analyze -j N` over DOCS and over SMALL (a few hundred of the same articles);
  - `spark-submit --master local[N] cronista_job.py` (N tasks × `-j 1`) over DOCS and over SMALL.
Start-up is excluded by difference: (DOCS − SMALL) for each. On a shared, busy machine the CPU
column is the one to trust; the wall column is printed beside it. Prints a markdown table.
"""

import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(argv: list[str], stdout_path: str | None, env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(stdout_path or os.devnull, "wb") as out:
        subprocess.run(argv, stdout=out, stderr=subprocess.DEVNULL, check=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    binary, docs, small, work = sys.argv[1:5]
    count = lambda p: sum(1 for line in open(p, encoding="utf-8") if line.strip())  # noqa: E731
    n, n_small = count(docs), count(small)
    bindir = os.path.dirname(sys.executable)
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable,
               PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
    submit = os.path.join(bindir, "spark-submit")
    rows = []
    for cores in (1, 2):
        plain = {}
        spark = {}
        for name, path in (("big", docs), ("small", small)):
            plain[name] = measure([binary, "analyze", "--format", "jsonl", "--error-records", "-j", str(cores), path],
                                  os.path.join(work, "plain.jsonl"), env)
            out = os.path.join(work, f"spark-{cores}-{name}")
            shutil.rmtree(out, ignore_errors=True)
            spark[name] = measure([submit, "--master", f"local[{cores}]", "--conf", "spark.ui.enabled=false",
                                   "--conf", "spark.ui.showConsoleProgress=false", os.path.join(HERE, "cronista_job.py"),
                                   "--binary", binary, "--jobs", "1", "--partitions", str(cores),
                                   "--input", path, "--output", out], None, env)
        rows.append((cores, plain, spark))
    k = n - n_small
    print(f"| cores | `cronista analyze -j N`: wall / CPU for {k:,} articles | Spark `local[N]`: wall / CPU | Spark overhead, wall / CPU |")
    print("| --- | ---: | ---: | ---: |")
    for cores, p, s in rows:
        pw, pc = p["big"][0] - p["small"][0], p["big"][1] - p["small"][1]
        sw, sc = s["big"][0] - s["small"][0], s["big"][1] - s["small"][1]
        print(f"| {cores} | {pw:.1f} s ({k / pw:,.0f} articles/s) / {pc:.1f} s | {sw:.1f} s ({k / sw:,.0f} articles/s) / {sc:.1f} s "
              f"| {100 * (sw / pw - 1):+.0f} % / {100 * (sc / pc - 1):+.0f} % |")
    print(f"\n(start-up excluded: each figure is the run over {n:,} articles minus the run over the first {n_small:,}; "
          f"Spark's start-up alone: {rows[-1][2]['small'][0]:.1f} s wall)")


if __name__ == "__main__":
    main()
