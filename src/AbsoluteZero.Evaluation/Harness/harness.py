# AbsoluteZero code-benchmark harness (docs/evaluation.md). Sent to the sandbox as the program of one request under
# the benchmark policy; the request's input is one dict literal, the job, and f returns one JSON text (ASCII) that the
# C# side reads. One request = one candidate program x one slice of one task's tests, in a fresh forked process, so
# nothing a candidate does reaches another candidate or the next slice.
#
# Modes:
#   reference  run the canonical solution on every input: per input [seconds, pickled size, digest]
#   evalplus   recompute the expected outputs with the canonical solution (before any candidate code runs), check
#              them against the cached digests, then run the candidate and compare with EvalPlus's rules
#   asserts    exec the program, then setup code and each test snippet (HumanEval check(), MBPP asserts)
#   stdin      LiveCodeBench standard-input problems: feed each input on fd 0, compare stdout line by line
#   functional LiveCodeBench LeetCode problems: call Solution().<method>(*json lines), compare with json.loads(output)
import builtins
import copy
import decimal
import hashlib
import io
import json
import math
import os
import pickle
import reprlib
import signal
import sys
import time
import traceback

_SHORT = reprlib.Repr()
_SHORT.maxstring = 160
_SHORT.maxother = 160
_SHORT.maxlong = 160
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxfrozenset = _SHORT.maxdict = 12
_SHORT.maxlevel = 4
_MESSAGE_LIMIT = 600

# LiveCodeBench prepends these to every program (lcb_runner/evaluation/testing_util.py, import_string).
LCB_PRELUDE = (
    "from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\nfrom heapq import *\n"
    "from bisect import *\nfrom copy import *\nfrom math import *\nfrom random import *\nfrom statistics import *\n"
    "from itertools import *\nfrom functools import *\nfrom operator import *\nfrom io import *\nfrom sys import *\n"
    "from json import *\nfrom builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\n"
    "import collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\nimport statistics\n"
    "import itertools\nimport functools\nimport operator\nimport io\nimport sys\nimport json\n"
    "sys.setrecursionlimit(50000)\n"
)


class TimeLimitExceeded(BaseException):
    """BaseException, so a candidate's bare 'except Exception' cannot swallow the alarm."""


def _alarm(signum, frame):
    raise TimeLimitExceeded()


class _Limit:
    """A per-test wall-clock limit (EvalPlus time_limit: ITIMER_REAL + SIGALRM)."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        return False


def _clip(text):
    return text if len(text) <= _MESSAGE_LIMIT else text[:_MESSAGE_LIMIT] + "..."


def _short(value):
    try:
        return _clip(_SHORT.repr(value))
    except BaseException as exc:  # a hostile __repr__, or an int past the str() digit limit
        return f"<{type(value).__name__} (repr failed: {type(exc).__name__})>"


def _describe(exc, limit=None):
    if isinstance(exc, TimeLimitExceeded):
        return f"time limit of {limit:g} s exceeded" if limit is not None else "time limit exceeded"
    try:
        message = str(exc)
    except BaseException:
        message = "<str() failed>"
    name = type(exc).__name__
    return _clip(f"{name}: {message}" if message else name)


class _Sink(io.StringIO):
    """Where a candidate's prints go; reading from it fails like EvalPlus's WriteOnlyStringIO."""

    def read(self, *args, **kwargs):
        raise IOError("stdin is not readable here")

    readline = readlines = read

    def readable(self):
        return False


def _swallow_io():
    sink = _Sink()
    sys.stdout = sys.stderr = sys.stdin = sink


def _guard():
    """The reference harnesses' reliability_guard: switch off what a test program has no business calling.
    Isolation is the sandbox's job; this keeps verdicts the same as EvalPlus's / human-eval's / LiveCodeBench's."""
    import shutil
    import subprocess

    os.environ["OMP_NUM_THREADS"] = "1"
    builtins.exit = None
    builtins.quit = None
    builtins.help = None
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty",
                 "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown",
                 "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"):
        if hasattr(os, name):
            setattr(os, name, None)
    shutil.rmtree = shutil.move = shutil.chown = None
    subprocess.Popen = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None


# ---------------------------------------------------------------------------------------------------------------
# EvalPlus (HumanEval+, MBPP+)
# ---------------------------------------------------------------------------------------------------------------
def _poly(xs, x):
    return sum(coeff * math.pow(x, i) for i, coeff in enumerate(xs))


def _surface_area(base_edge, height):
    slant = math.sqrt((base_edge / 2) ** 2 + height ** 2)
    return round(base_edge ** 2 + 4 * (base_edge * slant) / 2)


def _digit_distance(num1, num2):
    a, b = str(num1), str(num2)
    width = max(len(a), len(b))
    return sum(abs(int(x) - int(y)) for x, y in zip(a.zfill(width), b.zfill(width)))


def _is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    return False


def _close(a, b, atol):
    """numpy.allclose(a, b, rtol=1e-07, atol=atol) on plain Python values; anything numpy could not compare fails."""
    numbers = (int, float, complex)
    if isinstance(a, numbers) and isinstance(b, numbers):
        if a == b:
            return True
        finite = all(math.isfinite(abs(v)) for v in (a, b))
        return finite and abs(a - b) <= atol + 1e-07 * abs(b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y, atol) for x, y in zip(a, b))
    return False


def _digest(value, oracle):
    """Fingerprint of an expected output, the same in every process (set-compared outputs are sorted first)."""
    try:
        if oracle == "set_eq":
            data = b"".join(sorted(pickle.dumps(item, 4) for item in value))
        else:
            data = pickle.dumps(value, 4)
    except Exception:
        data = (type(value).__qualname__ + ":" + repr(value)).encode("utf-8", "backslashreplace")
    return hashlib.sha256(data).hexdigest()[:24], len(data)


def _tagged(obj):
    """json.loads object hook for the input transport: one-member objects with a NUL-prefixed key are Python-only values
    built by MBPP+'s input conversions (PyValue.cs)."""
    if len(obj) == 1:
        key = next(iter(obj))
        if key in _TAGS:
            return _TAGS[key](obj[key])
    return obj


_TAGS = {"\x00tuple": tuple, "\x00set": set, "\x00float": float, "\x00complex": complex}


def _inputs(job):
    return json.loads(job["inputs"], object_hook=_tagged)


def _load(source, entry_point):
    namespace = {}
    exec(compile(source, "<solution>", "exec"), namespace)
    return namespace[entry_point]


class ReferenceFailed(Exception):
    def __init__(self, index, exc):
        super().__init__(index, exc)
        self.report = {"status": "reference_error", "index": index, "error": _describe(exc)}


def _expected(job, inputs):
    """[(output, seconds)] of the canonical solution, each on its own deep copy of the input (EvalPlus trusted_exec)."""
    index = None
    try:
        fn = _load(job["reference"], job["entry_point"])
        results = []
        for index, inp in enumerate(inputs):
            args = copy.deepcopy(inp)
            started = time.perf_counter()
            out = fn(*args)
            seconds = time.perf_counter() - started
            if job["oracle"] == "not_none":
                out = out is not None
            results.append((out, seconds))
        return results
    except Exception as exc:
        raise ReferenceFailed(index, exc) from exc


def _reference(job):
    try:
        expected = _expected(job, _inputs(job))
    except ReferenceFailed as failure:
        return failure.report
    cases = []
    for out, seconds in expected:
        digest, size = _digest(out, job["oracle"])
        cases.append([round(seconds, 6), size, digest, 1 if _is_floats(out) else 0])
    return {"status": "pass", "cases": cases}


def _matches(job, inp, out, exp, atol):
    """EvalPlus unsafe_execute's comparison of one case. Returns (passed, atol carried to the next case)."""
    oracle = job["oracle"]
    exact = out == exp
    if oracle == "surface_area":
        exact = exact or abs(out - _surface_area(*inp)) <= atol
    elif oracle == "digit_distance":
        exact = exact or out == _digit_distance(*inp)
    elif oracle == "set_eq":
        exact = set(out) == set(exp)
    elif oracle == "not_none":
        exact = out == exp if isinstance(out, bool) else exp == (out is not None)
    elif oracle == "find_zero":
        return abs(_poly(*inp, out)) <= atol, atol
    if atol == 0 and _is_floats(exp):
        atol = 1e-6
    if not exact and atol != 0:
        passed = type(out) == type(exp) and (not isinstance(exp, (list, tuple)) or len(out) == len(exp)) \
            and _close(out, exp, atol)
        return passed, atol
    return bool(exact), atol


def _time_limits(job, expected):
    """EvalPlus: max(minimum, factor x the canonical's time) per input, and a budget for the whole slice (EvalPlus's
    per-task timeout) that never falls below factor x the canonical's own time. The canonical time is the larger of
    the cached measurement and the one just taken in this process, so a loaded machine widens the limits."""
    factor, minimum = job["factor"], job["min_limit"]
    reference = [max(cached, live) for cached, (_, live) in zip(job["times"], expected)]
    limits = [max(minimum, factor * seconds) for seconds in reference]
    return limits, max(job["budget"], factor * sum(reference))


def _evalplus(job):
    inputs = _inputs(job)  # never handed to the candidate itself: it gets deep copies, the oracles these
    try:
        expected = _expected(job, inputs)
    except ReferenceFailed as failure:
        return failure.report
    for i, (out, _) in enumerate(expected):
        if _digest(out, job["oracle"])[0] != job["digests"][i]:
            return {"status": "reference_mismatch", "index": i, "got": _short(out)}
    limits, budget = _time_limits(job, expected)
    _guard()
    _swallow_io()
    try:
        fn = _load(job["candidate"], job["entry_point"])
    except BaseException as exc:
        return {"status": "fail", "index": None, "error": _describe(exc)}
    atol = job["atol"]
    elapsed = 0.0
    for i, inp in enumerate(inputs):
        args = copy.deepcopy(inp)
        remaining = budget - elapsed
        limit = min(limits[i], remaining)
        out = None
        started = time.perf_counter()
        try:
            if remaining <= 0:
                raise TimeLimitExceeded()
            with _Limit(limit):
                out = fn(*args)
            elapsed += time.perf_counter() - started
            passed, atol = _matches(job, inp, out, expected[i][0], atol)
        except BaseException as exc:
            elapsed += time.perf_counter() - started
            timed_out = isinstance(exc, TimeLimitExceeded)
            error = _describe(exc, limits[i])
            if timed_out and limit < limits[i]:
                error = f"time budget of {budget:g} s for these {len(inputs)} inputs exhausted"
            return {"status": "fail", "index": i, "error": error, "timeout": timed_out,
                    "expected": _short(expected[i][0]), "elapsed": elapsed}
        if not passed:
            return {"status": "fail", "index": i, "expected": _short(expected[i][0]), "got": _short(out),
                    "elapsed": elapsed}
    return {"status": "pass", "ran": len(inputs), "elapsed": elapsed}


# ---------------------------------------------------------------------------------------------------------------
# Original asserts (HumanEval check(), MBPP test_list)
# ---------------------------------------------------------------------------------------------------------------
def _failing_line(exc, filename, source):
    """The test line that raised, e.g. 'assert candidate([1, 2]) == 3', read back from the traceback."""
    lines = source.splitlines()
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename and 0 < (frame.lineno or 0) <= len(lines):
            found = lines[frame.lineno - 1].strip()
    return found


def _asserts(job):
    _guard()
    _swallow_io()
    namespace = {}
    snippets = [("<program>", job["program"])] + [(f"<test {i}>", test) for i, test in enumerate(job["tests"])]
    try:
        with _Limit(job["limit"]):
            for index, (filename, source) in enumerate(snippets):
                failed_at = index - 1  # -1: the program itself
                exec(compile(source, filename, "exec"), namespace)
    except BaseException as exc:
        filename, source = snippets[failed_at + 1]
        return {"status": "fail", "index": failed_at, "error": _describe(exc, job["limit"]),
                "timeout": isinstance(exc, TimeLimitExceeded), "line": _failing_line(exc, filename, source)}
    return {"status": "pass", "ran": len(job["tests"])}


# ---------------------------------------------------------------------------------------------------------------
# LiveCodeBench
# ---------------------------------------------------------------------------------------------------------------
def _stripped_lines(text):
    return [line.strip() for line in text.strip().split("\n")]


def _decimals(line):
    try:
        return [decimal.Decimal(part) for part in line.split()]
    except decimal.InvalidOperation:
        return None


def _stdout_matches(got, want):
    """lcb_runner grade_stdio: same number of stripped lines; each equal, or equal as lists of decimals."""
    got_lines, want_lines = _stripped_lines(got), _stripped_lines(want)
    if len(got_lines) != len(want_lines):
        return False
    for g, w in zip(got_lines, want_lines):
        if g == w:
            continue
        dg, dw = _decimals(g), _decimals(w)
        if dg is None or dw is None or dg != dw:
            return False
    return True


def _redirect(fd, path, data):
    """Points a standard descriptor at a scratch file, so input(), sys.stdin.buffer and open(0) all see the test.
    A program may have closed the descriptor (open(0) closes fd 0 when collected): then the file simply takes it."""
    target = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    view = memoryview(data)
    while view:
        view = view[os.write(target, view):]
    os.lseek(target, 0, os.SEEK_SET)
    if target != fd:
        os.dup2(target, fd)
        os.close(target)


def _stdin(job):
    scratch = os.path.abspath(".")
    _guard()
    limit = job["limit"]
    for index, (given, want) in enumerate(job["tests"]):
        _redirect(0, os.path.join(scratch, "stdin.txt"), given.encode("utf-8"))
        _redirect(1, os.path.join(scratch, "stdout.txt"), b"")
        sys.stdin = open(0, "r", closefd=False)
        sys.stdout = open(1, "w", closefd=False)
        sys.stderr = _Sink()
        namespace = {"__name__": "__main__"}
        try:
            with _Limit(limit):
                try:
                    exec(compile(LCB_PRELUDE + job["program"], "<solution>", "exec"), namespace)
                except SystemExit:
                    pass
            sys.stdout.flush()
        except BaseException as exc:
            return {"status": "fail", "index": index, "error": _describe(exc, limit),
                    "timeout": isinstance(exc, TimeLimitExceeded)}
        with open(os.path.join(scratch, "stdout.txt"), "rb") as handle:
            got = handle.read().decode("utf-8", "replace")
        if not _stdout_matches(got, want):
            return {"status": "fail", "index": index, "expected": _clip(want), "got": _clip(got)}
    return {"status": "pass", "ran": len(job["tests"])}


def _functional(job):
    _guard()
    _swallow_io()
    limit = job["limit"]
    try:
        with _Limit(limit):
            namespace = {}
            exec(compile(LCB_PRELUDE + job["program"], "<solution>", "exec"), namespace)
            # lcb_runner compile_code: a LeetCode answer is a Solution class; anything else is called as a function.
            if "class Solution" in job["program"]:
                method = getattr(namespace["Solution"](), job["method"])
            else:
                method = namespace[job["method"]]
    except BaseException as exc:
        return {"status": "fail", "index": None, "error": _describe(exc, limit),
                "timeout": isinstance(exc, TimeLimitExceeded)}
    for index, (given, want) in enumerate(job["tests"]):
        expected = None
        try:
            args = [json.loads(line) for line in given.split("\n")]
            expected = json.loads(want)
            with _Limit(limit):
                out = method(*args)
            if isinstance(out, tuple):
                out = list(out)
            passed = out == expected
        except BaseException as exc:
            return {"status": "fail", "index": index, "error": _describe(exc, limit),
                    "timeout": isinstance(exc, TimeLimitExceeded)}
        if not passed:
            return {"status": "fail", "index": index, "expected": _short(expected), "got": _short(out)}
    return {"status": "pass", "ran": len(job["tests"])}


_MODES = {"reference": _reference, "evalplus": _evalplus, "asserts": _asserts, "stdin": _stdin,
          "functional": _functional}


def f(job):
    return json.dumps(_MODES[job["mode"]](job), ensure_ascii=True)
