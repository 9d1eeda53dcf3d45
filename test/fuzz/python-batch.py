"""Run many generated Python programs in one interpreter, each as if it were its own file.

Usage: python3 -W error python-batch.py PROGRAMS.json

PROGRAMS.json contains a JSON array of program texts. Each text is compiled and run verbatim
with exec() in a fresh namespace named __main__, with its standard output and standard error
captured. One JSON line per program goes to the real standard output:
{"index": N, "stdout": "...", "stderr": "...", "error": null or a traceback}.
"""

import builtins
import contextlib
import gc
import io
import json
import sys
import traceback


def run_program(index, source):
    stdout = io.StringIO()
    stderr = io.StringIO()
    error = None

    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = compile(source, f"request-{index}.py", "exec")
            exec(code, {"__name__": "__main__", "__builtins__": builtins})
        except BaseException:
            error = traceback.format_exc()
        # A socket left open warns when it is collected, so collect while stderr is captured.
        gc.collect()

    return {
        "index": index,
        "stdout": stdout.getvalue(),
        "stderr": stderr.getvalue(),
        "error": error,
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        programs = json.load(file)

    for index, source in enumerate(programs):
        result = run_program(index, source)
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
