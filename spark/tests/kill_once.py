"""A stand-in for the cronista binary that kills the real one mid-partition, once.

    kill_once.py MARKER_DIR AFTER_LINES REAL_BINARY [cronista arguments...]

Every start is logged in MARKER_DIR/starts. The first start of all (it creates MARKER_DIR/killed
atomically) forwards standard input to the real `cronista`, copies AFTER_LINES lines of its output,
then kills it with SIGKILL and exits with the child's status (-9 → 137), as a crashed worker would.
Every later start runs the real binary unchanged. Used by test_cronista_job.py to prove that Spark
retries the task and that the output still holds every id exactly once.
"""

import os
import shutil
import signal
import subprocess
import sys
import threading


def main() -> int:
    marker, after, real, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    os.makedirs(marker, exist_ok=True)
    with open(os.path.join(marker, "starts"), "a") as f:
        f.write(f"{os.getpid()}\n")
    try:
        os.mkdir(os.path.join(marker, "killed"))
        first = True
    except FileExistsError:
        first = False
    if not first:
        os.execv(real, [real] + rest)
    child = subprocess.Popen([real] + rest, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed() -> None:
        try:
            shutil.copyfileobj(sys.stdin.buffer, child.stdin)
            child.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass

    threading.Thread(target=feed, daemon=True).start()
    out = sys.stdout.buffer
    for n, line in enumerate(child.stdout, 1):
        out.write(line)
        if n >= after:
            out.flush()
            child.send_signal(signal.SIGKILL)
            break
    code = child.wait()
    with open(os.path.join(marker, "killed", "status"), "w") as f:
        f.write(f"{code}\n")
    return 128 + 9 if code < 0 else (code or 1)


if __name__ == "__main__":
    sys.exit(main())
