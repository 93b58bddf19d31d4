"""The Spark job, run for real in local mode on loopback (scripts/test-spark runs this file).

    CRONISTA_BIN=/path/to/cronista CRONISTA_SHARED=../shared python -m unittest spark/tests/test_cronista_job.py

Two thousand KIND Wikinews articles plus three bad lines go through `spark/cronista_job.py` in
`local[2,4]` (two cores, a task may run four times). Checked: every id comes back exactly once; the
analyses are byte-identical to one `cronista analyze` run over the same file; the bad lines come back
as error records; the flat tables hold what the analyses hold; Parquet in and out; a child killed
mid-partition is retried by Spark with nothing lost or doubled; and the README's spark-submit line.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SPARK_DIR = os.path.dirname(HERE)
sys.path.insert(0, SPARK_DIR)

import cronista_job  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

BIN = os.environ.get("CRONISTA_BIN") or ""
SHARED = os.environ.get("CRONISTA_SHARED") or os.path.join(SPARK_DIR, "..", "..", "shared")
KIND = [os.path.join(SHARED, "data/ner/kind/docs", f) for f in ("wikinews_train.docs.jsonl", "wikinews_dev.docs.jsonl")]
ARTICLES = 2000
BAD = [
    (150, "this line is not JSON"),
    (1100, '{"id": "bad-no-text", "title": "Un titolo senza testo"}'),
    (1900, '{"id": "bad-date", "text": "Il sindaco ha parlato.", "published": "ieri"}'),
]


def comparable(lines: list[str]) -> list[str]:
    """Analyses as they are; an error record without its place (`file`, `line`, `byte` count from
    the start of each task's partition under Spark, from the start of the file in one run)."""
    out = []
    for line in lines:
        if line.startswith('{"id":') and '"error":{' in line[:200] and '"sentences":' not in line:
            e = json.loads(line)
            out.append(json.dumps({"id": e["id"], "code": e["error"]["code"], "message": e["error"]["message"]}))
        else:
            out.append(line)
    return out


def part_lines(directory: str) -> list[str]:
    """The lines of a Spark text output, part files in order."""
    lines: list[str] = []
    for part in sorted(glob.glob(os.path.join(directory, "part-*"))):
        with open(part, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return lines


class CronistaJobTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        if not BIN or not os.access(BIN, os.X_OK):
            raise unittest.SkipTest("CRONISTA_BIN must name the cronista executable")
        cls.tmp = tempfile.mkdtemp(prefix="cronista-spark-")
        docs: list[str] = []
        for path in KIND:
            with open(path, encoding="utf-8") as f:
                docs.extend(line.rstrip("\n") for line in f if line.strip())
        # Distinct ids past the corpus size: the same texts again under new ids.
        base = list(docs)
        i = 0
        while len(docs) < ARTICLES:
            d = json.loads(base[i % len(base)])
            d["id"] = f"{d['id']}-copy{i // len(base) + 1}"
            docs.append(json.dumps(d, ensure_ascii=False))
            i += 1
        docs = docs[:ARTICLES]
        for at, line in BAD:
            docs.insert(at, line)
        cls.input = os.path.join(cls.tmp, "input.jsonl")
        with open(cls.input, "w", encoding="utf-8") as f:
            f.write("\n".join(docs) + "\n")
        # The reference: one cronista run over the whole file.
        ref = subprocess.run(
            [BIN, "analyze", "--format", "jsonl", "--error-records", "-j", "2", cls.input],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            check=True,
        )
        cls.reference = ref.stdout.decode("utf-8").splitlines()
        cls.spark = (
            SparkSession.builder.master("local[2,4]")
            .appName("cronista-test")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()
        )
        cls.spark.sparkContext.setLogLevel("ERROR")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.spark.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def job(self, name: str, *extra: str, binary: str | None = None) -> tuple[str, dict]:
        out = os.path.join(self.tmp, name)
        args = cronista_job.parse_args(
            ["--input", self.input, "--output", out, "--binary", binary or BIN, "--partitions", "4", *extra]
        )
        return out, cronista_job.run(self.spark, args)

    def test_reference_run_has_a_line_per_input_line(self) -> None:
        self.assertEqual(len(self.reference), ARTICLES + len(BAD))
        errors = [json.loads(line) for line in self.reference if '"error":' in line[:40]]
        self.assertEqual([e["id"] for e in errors], [None, "bad-no-text", "bad-date"])
        self.assertEqual([e["error"]["code"] for e in errors], ["malformed-json", "missing-field", "invalid-date"])

    def test_jsonl_byte_identical_with_tables(self) -> None:
        out, counts = self.job("jsonl", "--tables")
        lines = part_lines(os.path.join(out, "analyses"))
        self.assertEqual(len(lines), len(self.reference))
        self.assertTrue(comparable(lines) == comparable(self.reference), "the Spark output differs from a single cronista run")
        ids = [json.loads(line)["id"] for line in lines]
        good = [i for i in ids if i is not None and not i.startswith("bad-")]
        self.assertEqual(len(good), len(set(good)), "an id came back twice")
        self.assertEqual(len(good), ARTICLES)
        errors = [json.loads(line) for line in lines if '"error":' in line[:40]]
        self.assertEqual([e["id"] for e in errors], [None, "bad-no-text", "bad-date"])
        # The tables hold what the analyses hold.
        analyses = [json.loads(line) for line in self.reference if '"sentences":' in line]
        self.assertEqual(counts["quotes"], sum(len(a["quotes"]) for a in analyses))
        self.assertEqual(counts["entities"], sum(len(a["entities"]) for a in analyses))
        self.assertEqual(counts["events"], sum(len(a["events"]) for a in analyses))
        self.assertGreater(counts["quotes"], 500)
        sample_doc = next(a for a in analyses if any(q["speaker"] and q["speaker"].get("kb") for q in a["quotes"]))
        q = next(q for q in sample_doc["quotes"] if q["speaker"] and q["speaker"].get("kb"))
        rows = (
            self.spark.read.parquet(os.path.join(out, "quotes"))
            .where(f"doc_id = '{sample_doc['id']}' AND quote_id = '{q['id']}'")
            .collect()
        )
        self.assertEqual(len(rows), 1)
        r = rows[0]
        self.assertEqual((r.text, r.start, r.end), (q["text"], q["start"], q["end"]))
        self.assertEqual((r.speaker_kb, r.speaker_start, r.speaker_end), (q["speaker"]["kb"], q["speaker"]["start"], q["speaker"]["end"]))

    def test_killed_child_is_retried_without_loss_or_duplicates(self) -> None:
        marker = os.path.join(self.tmp, "kill-marker")
        wrapper = f"{sys.executable} {os.path.join(HERE, 'kill_once.py')} {marker} 40 {BIN}"
        out, _ = self.job("killed", binary=wrapper)
        # The kill happened, mid-partition, and Spark started the task again.
        with open(os.path.join(marker, "killed", "status")) as f:
            self.assertEqual(int(f.read()), -9)
        with open(os.path.join(marker, "starts")) as f:
            self.assertGreaterEqual(len(f.read().split()), 5, "four partitions plus the retried one")
        lines = part_lines(os.path.join(out, "analyses"))
        self.assertTrue(comparable(lines) == comparable(self.reference), "after the retry the output differs from a single run")

    def test_parquet_in_and_out(self) -> None:
        src = os.path.join(self.tmp, "input.parquet")
        good = [json.loads(line) for line in open(self.input, encoding="utf-8") if line.startswith("{")]
        good = [d for d in good if "text" in d and d.get("published") != "ieri"]
        cols = [c for c in cronista_job.INPUT_COLUMNS if any(c in d for d in good)]
        self.spark.createDataFrame([tuple(d.get(c) for c in cols) for d in good], ", ".join(f"{c} string" for c in cols)).write.parquet(src)
        out = os.path.join(self.tmp, "parquet-out")
        args = cronista_job.parse_args(
            ["--input", src, "--output", out, "--binary", BIN, "--output-format", "parquet", "--partitions", "3"]
        )
        cronista_job.run(self.spark, args)
        rows = self.spark.read.parquet(os.path.join(out, "analyses")).collect()
        self.assertEqual(len(rows), len(good))
        self.assertTrue(all(r.error is None for r in rows))
        by_id = {json.loads(line)["id"]: line for line in self.reference if '"sentences":' in line}
        same = sum(1 for r in rows if by_id.get(r.id) == r.analysis)
        self.assertEqual(same, len(good), "Parquet input gives the analyses of the JSON Lines run")

    def test_spark_submit_line_of_the_readme(self) -> None:
        spark_submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
        out = os.path.join(self.tmp, "submitted")
        bindir = os.path.dirname(sys.executable)
        env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
        run = subprocess.run(
            [spark_submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.ui.showConsoleProgress=false", os.path.join(SPARK_DIR, "cronista_job.py"),
             "--binary", BIN, "--input", self.input, "--output", out, "--tables"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.assertEqual(run.returncode, 0, run.stderr.decode()[-2000:])
        self.assertTrue(comparable(part_lines(os.path.join(out, "analyses"))) == comparable(self.reference))
        self.assertIn("quotes", run.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=2)
