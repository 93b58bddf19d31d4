"""Cronista on Apache Spark: every partition streamed through one long-lived `cronista analyze`.

Spark distributes the input splits; each task pipes its partition, one JSON document per line,
through `cronista analyze --format jsonl --error-records` (RDD.pipe, the Hadoop Streaming model,
run in the JVM so that no line passes through Python) and gets back exactly one line per input line,
in order: the analysis of the document, or an error record `{"id", "error": {...}}` for a bad line.
A child that dies or exits non-zero fails the task (the JVM's pipe always checks the exit status,
as PySpark's does with `checkCode=True`), and Spark runs the task again from its input split, so no
line is lost or doubled.

Outputs, under OUTPUT:
  analyses/   the analyses (JSON Lines text, or Parquet with `id`, `analysis`, `error` columns)
  quotes/     one row per quote (Parquet, with --tables)
  entities/   one row per entity (Parquet, with --tables)
  events/     one row per event (Parquet, with --tables)

  spark-submit --master local[2] spark/cronista_job.py \\
      --binary "$(command -v cronista)" --input docs.jsonl --output out/ --tables

On a cluster, ship the binary with the job (`--files /path/to/cronista`) and name it relatively:
`--binary ./cronista` (YARN and Kubernetes put `--files` in each executor's working directory).
See README.md, "Running on a Spark cluster".
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
from typing import Iterable, Iterator

from pyspark.sql import Row, SparkSession
from pyspark.sql import types as T

INPUT_COLUMNS = ["id", "text", "title", "published", "source", "url", "language"]

QUOTE_SCHEMA = T.StructType(
    [
        T.StructField("doc_id", T.StringType(), False),
        T.StructField("quote_id", T.StringType(), False),
        T.StructField("kind", T.StringType(), True),
        T.StructField("text", T.StringType(), True),
        T.StructField("start", T.IntegerType(), True),
        T.StructField("end", T.IntegerType(), True),
        T.StructField("cue", T.StringType(), True),
        T.StructField("speaker", T.StringType(), True),
        T.StructField("speaker_name", T.StringType(), True),
        T.StructField("speaker_kb", T.StringType(), True),
        T.StructField("speaker_start", T.IntegerType(), True),
        T.StructField("speaker_end", T.IntegerType(), True),
        T.StructField("date", T.StringType(), True),
        T.StructField("published", T.StringType(), True),
    ]
)

ENTITY_SCHEMA = T.StructType(
    [
        T.StructField("doc_id", T.StringType(), False),
        T.StructField("entity_id", T.StringType(), False),
        T.StructField("type", T.StringType(), True),
        T.StructField("name", T.StringType(), True),
        T.StructField("kb", T.StringType(), True),
        T.StructField("mentions", T.IntegerType(), True),
        T.StructField("first_start", T.IntegerType(), True),
        T.StructField("first_end", T.IntegerType(), True),
    ]
)

EVENT_SCHEMA = T.StructType(
    [
        T.StructField("doc_id", T.StringType(), False),
        T.StructField("event_id", T.StringType(), False),
        T.StructField("type", T.StringType(), True),
        T.StructField("mode", T.StringType(), True),
        T.StructField("trigger", T.StringType(), True),
        T.StructField("trigger_start", T.IntegerType(), True),
        T.StructField("trigger_end", T.IntegerType(), True),
        T.StructField("source_names", T.ArrayType(T.StringType()), True),
        T.StructField("source_kbs", T.ArrayType(T.StringType()), True),
        T.StructField("target_names", T.ArrayType(T.StringType()), True),
        T.StructField("target_kbs", T.ArrayType(T.StringType()), True),
        T.StructField("location", T.StringType(), True),
        T.StructField("date", T.StringType(), True),
        T.StructField("quote_id", T.StringType(), True),
        T.StructField("quote_role", T.StringType(), True),
        T.StructField("cameo", T.StringType(), True),
        T.StructField("quad", T.IntegerType(), True),
    ]
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Analyse documents with cronista on Spark.")
    p.add_argument("--input", required=True, help="JSON Lines file(s) or Parquet directory (any Spark-readable path)")
    p.add_argument("--input-format", choices=["jsonl", "parquet"], default=None, help="default: by the path's extension")
    p.add_argument("--output", required=True, help="output directory (analyses/, and quotes/ entities/ events/ with --tables)")
    p.add_argument("--output-format", choices=["jsonl", "parquet"], default="jsonl", help="format of analyses/ (default jsonl)")
    p.add_argument("--tables", action="store_true", help="also write flat Parquet tables of quotes, entities and events")
    p.add_argument(
        "--binary",
        default="cronista",
        help="the cronista executable on every executor (absolute, or ./cronista with --files), or a command that runs it",
    )
    p.add_argument("--jobs", type=int, default=None, help="cronista -j per task (default: spark.task.cpus, usually 1)")
    p.add_argument("--partitions", type=int, default=None, help="input partitions (default: Spark's split of the input)")
    p.add_argument("--mode", choices=["error", "overwrite"], default="error", help="when OUTPUT exists (default: error)")
    return p.parse_args(argv)


def input_lines(spark: SparkSession, args: argparse.Namespace):
    """The input as a JVM RDD of JSON strings, one document each (JavaRDD[String])."""
    fmt = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "jsonl":
        # A blank line is no document: cronista skips it and writes nothing for it.
        return spark._jsc.textFile(args.input, args.partitions or 2)
    df = spark.read.parquet(args.input)
    missing = [c for c in ("id", "text") if c not in df.columns]
    if missing:
        raise SystemExit(f"cronista_job: {args.input}: Parquet input needs columns id and text (missing: {', '.join(missing)})")
    cols = [c for c in INPUT_COLUMNS if c in df.columns]
    df = df.select(*[df[c].cast("string").alias(c) for c in cols])
    if args.partitions:
        df = df.repartition(args.partitions)
    return df._jdf.toJSON().javaRDD()


def command(args: argparse.Namespace, spark: SparkSession) -> list[str]:
    jobs = args.jobs or int(spark.conf.get("spark.task.cpus", "1"))
    return shlex.split(args.binary) + ["analyze", "--format", "jsonl", "--error-records", "-j", str(jobs)]


def pipe(spark: SparkSession, lines, argv: list[str]):
    """Each partition through one child process, in the JVM (JavaRDD.pipe): lines never pass
    through Python, and a child that exits non-zero (a crash, a kill) fails the task, which Spark
    retries (PySpark's own rdd.pipe checks the status only with checkCode=True)."""
    jvm = spark.sparkContext._jvm
    command_list = jvm.java.util.ArrayList()
    for a in argv:
        command_list.add(a)
    env = jvm.java.util.HashMap()
    return lines.pipe(command_list, env, False, 65536, "UTF-8")


def quote_rows(line: str) -> Iterator[Row]:
    a = json.loads(line)
    if "error" in a and "quotes" not in a:
        return
    ents = {e["id"]: e for e in a.get("entities", [])}
    for q in a.get("quotes", []):
        s = q.get("speaker") or {}
        e = ents.get(s.get("entity")) if s.get("entity") else None
        yield Row(
            doc_id=a["id"],
            quote_id=q["id"],
            kind=q.get("kind"),
            text=q.get("text"),
            start=q.get("start"),
            end=q.get("end"),
            cue=(q.get("cue") or {}).get("text"),
            speaker=s.get("text"),
            speaker_name=(e or {}).get("name") or s.get("name"),
            speaker_kb=(e or {}).get("kb") or s.get("kb"),
            speaker_start=s.get("start"),
            speaker_end=s.get("end"),
            date=q.get("date"),
            published=a.get("published"),
        )


def entity_rows(line: str) -> Iterator[Row]:
    a = json.loads(line)
    for e in a.get("entities", []):
        ms = e.get("mentions", [])
        yield Row(
            doc_id=a["id"],
            entity_id=e["id"],
            type=e.get("type"),
            name=e.get("name"),
            kb=e.get("kb"),
            mentions=len(ms),
            first_start=ms[0]["start"] if ms else None,
            first_end=ms[0]["end"] if ms else None,
        )


def event_rows(line: str) -> Iterator[Row]:
    a = json.loads(line)
    ents = {e["id"]: e for e in a.get("entities", [])}

    def names(ps):
        return [(ents.get(p.get("entity")) or {}).get("name") or p.get("text") for p in ps or []]

    def kbs(ps):
        return [(ents.get(p.get("entity")) or {}).get("kb") for p in ps or []]

    for ev in a.get("events", []):
        trig = ev.get("trigger") or {}
        q = ev.get("quote") or {}
        yield Row(
            doc_id=a["id"],
            event_id=ev["id"],
            type=ev.get("type"),
            mode=ev.get("mode"),
            trigger=trig.get("text"),
            trigger_start=trig.get("start"),
            trigger_end=trig.get("end"),
            source_names=names(ev.get("source")),
            source_kbs=kbs(ev.get("source")),
            target_names=names(ev.get("target")),
            target_kbs=kbs(ev.get("target")),
            location=(ev.get("location") or {}).get("text"),
            date=ev.get("date"),
            quote_id=q.get("id"),
            quote_role=q.get("role"),
            cameo=ev.get("cameo"),
            quad=ev.get("quad"),
        )


def run(spark: SparkSession, args: argparse.Namespace) -> dict:
    out = args.output.rstrip("/")
    analysed = pipe(spark, input_lines(spark, args), command(args, spark))
    if args.output_format == "jsonl":
        path = out + "/analyses"
        if args.mode == "overwrite":
            shutil.rmtree(path, ignore_errors=True)  # a local path; on HDFS or S3 give a new OUTPUT
        analysed.saveAsTextFile(path)
        # The tables are read back from what was written: the child runs once per split.
        lines = spark.read.text(path).rdd.map(lambda r: r.value)
    else:
        from pyspark.sql import DataFrame
        from pyspark.sql import functions as F

        jvm = spark.sparkContext._jvm
        ds = spark._jsparkSession.createDataset(analysed.rdd(), jvm.org.apache.spark.sql.Encoders.STRING())
        v = F.col("value")
        is_error = F.get_json_object(v, "$.error").isNotNull() & F.get_json_object(v, "$.sentences").isNull()
        df = DataFrame(ds.toDF(), spark).select(
            F.get_json_object(v, "$.id").alias("id"),
            F.when(is_error, F.lit(None)).otherwise(v).alias("analysis"),
            F.when(is_error, F.get_json_object(v, "$.error")).alias("error"),
        )
        df.write.mode(args.mode).parquet(out + "/analyses")
        lines = spark.read.parquet(out + "/analyses").rdd.filter(lambda r: r.analysis is not None).map(lambda r: r.analysis)
    counts = {}
    if args.tables:
        for name, fn, schema in (
            ("quotes", quote_rows, QUOTE_SCHEMA),
            ("entities", entity_rows, ENTITY_SCHEMA),
            ("events", event_rows, EVENT_SCHEMA),
        ):
            df = spark.createDataFrame(lines.flatMap(fn), schema)
            df.write.mode(args.mode).parquet(f"{out}/{name}")
            counts[name] = spark.read.parquet(f"{out}/{name}").count()
    return counts


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    spark = SparkSession.builder.appName("cronista").getOrCreate()
    try:
        counts = run(spark, args)
        if counts:
            print("cronista_job: " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
