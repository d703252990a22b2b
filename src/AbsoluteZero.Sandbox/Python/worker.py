# AbsoluteZero sandbox worker. Runs inside bwrap (see docs/sandbox.md) and serves JSON lines on fd 0/1:
#   request  {"id": n, "program": str, "input": str, "check": "run"|"validate", "policy": "azr"|"benchmark", "timeout_ms": n}
#   response {"id": n, "status": str, "output": str|null, "error": str|null, "ms": float}
# This process parses and checks requests; its fork server (forked once, after the imports below) forks one child per
# execution, in its own process group, behind rlimits and seccomp filters, so nothing a program does can reach the
# next one, and waits for it or kills it.
import ast
import builtins
import ctypes
import gc
import json
import marshal
import math
import os
import resource
import select
import signal
import struct
import sys
import time

# Imported here so programs find them in sys.modules instead of paying the import in every child.
# Not statistics: it imports random, whose after-fork hook would reseed in every child.
import bisect, collections, copy, dataclasses, decimal, fractions, functools, heapq, itertools, operator, re  # noqa: E401,F401
import string, typing  # noqa: E401,F401

ARGS = dict(zip(sys.argv[1::2], sys.argv[2::2]))
SCRATCH = ARGS["--scratch"]
OUTPUT_LIMIT = int(ARGS["--output-limit"])
MEMORY_BYTES = int(ARGS["--memory-mb"]) * 1024 * 1024
FILE_LIMIT = 16 * 1024 * 1024
OPEN_FILES = 64
THREADS = 64
ERROR_LIMIT = 2000
WORKER_HEADROOM = 256 * 1024 * 1024  # the worker holds requests and code objects; its children get MEMORY_BYTES

EXIT_REPORTED = 0
EXIT_NO_MEMORY_TO_REPORT = 97
EXIT_CHILD_CRASHED = 98

STATUSES = ("ok", "error", "timeout", "memory", "forbidden", "nondeterministic", "output_too_large", "syntax")
# A child's report on fd 3: status index, output length, error length (ABSENT for None), then the UTF-8 bytes.
REPORT = struct.Struct("=BII")
ABSENT = 0xFFFFFFFF

# ---------------------------------------------------------------------------------------------------------------
# Banned names for the azr policy. docs/sandbox.md gives the reason for every entry; keep the two lists in step.
# ---------------------------------------------------------------------------------------------------------------
BANNED_MODULES = frozenset("""
    logging random multiprocessing pebble subprocess threading datetime time hashlib hmac bcrypt calendar
    os sys posix nt posixpath pty pwd grp resource fcntl termios mmap
    builtins importlib imp pkgutil runpy zipimport code codeop
    ctypes cffi gc inspect faulthandler tracemalloc sysconfig site pdb bdb trace
    socket ssl select selectors asyncio http urllib ftplib smtplib telnetlib xmlrpc socketserver
    signal concurrent
    shutil tempfile pathlib glob fileinput
    secrets uuid zoneinfo
    pickle marshal shelve dbm
""".split())
PRIVATE_BANNED_MODULES = frozenset({"_imp", "_frozen_importlib", "_frozen_importlib_external", "_posixsubprocess", "_thread", "__main__"})
BANNED_NAMES = frozenset({"__import__", "__builtins__", "__loader__", "__spec__"})
BANNED_ATTRIBUTES = frozenset({
    "__import__", "__builtins__", "__loader__", "__spec__", "__subclasses__", "__globals__", "__code__",
    "f_globals", "f_locals", "f_builtins", "f_back", "gi_frame", "cr_frame", "ag_frame", "tb_frame",
    "os", "sys", "subprocess", "ctypes", "posix", "builtins", "importlib", "shutil", "socket", "modules",
})


def banned_module_part(dotted):
    for part in dotted.split("."):
        if part in BANNED_MODULES or part in PRIVATE_BANNED_MODULES:
            return part
        if part.startswith("_") and part.lstrip("_") in BANNED_MODULES:
            return part
    return None


def find_forbidden(tree, where):
    """The first reason the azr policy refuses this tree, or None."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                part = banned_module_part(alias.name)
                if part:
                    return f"{where} line {node.lineno}: import of banned module '{part}'"
        elif isinstance(node, ast.ImportFrom):
            for dotted in [node.module or ""] + [alias.name for alias in node.names]:
                part = banned_module_part(dotted)
                if part:
                    return f"{where} line {node.lineno}: import of banned module '{part}'"
        elif isinstance(node, ast.Name):
            if node.id in BANNED_NAMES:
                return f"{where} line {node.lineno}: use of '{node.id}'"
        elif isinstance(node, ast.Attribute):
            if node.attr in BANNED_ATTRIBUTES or banned_module_part(node.attr) in ("os", "sys", "_os", "_sys"):
                return f"{where} line {node.lineno}: access to attribute '{node.attr}'"
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "input":
                return f"{where} line {node.lineno}: call of the builtin input()"
    return None


# ---------------------------------------------------------------------------------------------------------------
# Seccomp (x86_64 only; the worker refuses to start elsewhere), in two stacked filters. The fork server installs
# SERVER_RULES once, and every child inherits them: exec, namespaces, tracing, SysV/POSIX IPC and keyrings (state
# that would outlive the child), SIGIO ownership. Each child adds CHILD_RULES, which the fork server itself must not
# have: fork, and signals, rlimits or scheduling aimed at anyone but itself. Small per-child filters matter: the
# kernel compiles and pre-evaluates each filter when it is installed.
# ---------------------------------------------------------------------------------------------------------------
AUDIT_ARCH_X86_64 = 0xC000003E
RET_ALLOW = 0x7FFF0000
RET_KILL = 0x80000000
RET_EPERM = 0x00050000 | 1
RET_ENOSYS = 0x00050000 | 38
LD_ABS, JEQ, JSET, JGE, RET = 0x20, 0x15, 0x45, 0x35, 0x06
CLONE_THREAD = 0x00010000
F_SETOWN, F_SETSIG, F_SETOWN_EX = 8, 10, 15
FIOSETOWN, SIOCSPGRP, TIOCSTI = 0x8901, 0x8902, 0x5412
PID = object()  # placeholder patched with the child's pid
NEG_PID = object()

DENIED = [59, 322, 272, 308, 101, 310, 311, 200, 424, 438,  # execve(at), unshare, setns, ptrace, process_vm_*, tkill, pidfd_send_signal/getfd
          248, 249, 250, 321, 298, 323, 425, 426, 427,  # keyrings, bpf, perf_event_open, userfaultfd, io_uring
          29, 30, 31, 64, 65, 66, 68, 69, 70, 71, 220, 240, 279, 256]  # SysV IPC, mq_open, move_pages, migrate_pages
DENIED_ARG1 = {72: [F_SETOWN, F_SETSIG, F_SETOWN_EX],  # fcntl: SIGIO/F_SETSIG could signal the worker
               16: [FIOSETOWN, SIOCSPGRP, TIOCSTI]}     # ioctl: the same through sockets; terminal injection
CHILD_DENIED = [57, 58]  # fork, vfork (clone and clone3 below)
# syscall -> (argument index, values allowed besides the child itself)
SELF_ONLY = {62: (0, [0, PID, NEG_PID]),            # kill: own pid, own group
             234: (0, [PID]), 129: (0, [PID]), 297: (0, [PID]),  # tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo
             302: (0, [0, PID]),                    # prlimit64
             141: (1, [0, PID]), 251: (1, [0, PID]),  # setpriority, ioprio_set (who)
             203: (0, [0, PID]), 142: (0, [0, PID]), 144: (0, [0, PID]), 314: (0, [0, PID])}  # sched_*


def server_rules():
    rules = {nr: [(RET, 0, 0, RET_EPERM)] for nr in DENIED}
    for nr, commands in DENIED_ARG1.items():
        body = [(LD_ABS, 0, 0, 24)]
        for i, value in enumerate(commands):
            body.append((JEQ, len(commands) - i, 0, value))
        rules[nr] = body + [(RET, 0, 0, RET_ALLOW), (RET, 0, 0, RET_EPERM)]
    return rules


def child_rules():
    rules = {nr: [(RET, 0, 0, RET_EPERM)] for nr in CHILD_DENIED}
    rules[435] = [(RET, 0, 0, RET_ENOSYS)]  # clone3: glibc falls back to clone, whose flags we can read
    rules[56] = [(LD_ABS, 0, 0, 16), (JSET, 0, 1, CLONE_THREAD), (RET, 0, 0, RET_ALLOW), (RET, 0, 0, RET_EPERM)]
    for nr, (arg, allowed) in SELF_ONLY.items():
        body = [(LD_ABS, 0, 0, 16 + 8 * arg)]
        for i, value in enumerate(allowed):
            body.append((JEQ, len(allowed) - i, 0, value))
        rules[nr] = body + [(RET, 0, 0, RET_EPERM), (RET, 0, 0, RET_ALLOW)]
    return rules


def seccomp_program(rules):
    """BPF as a list of (code, jt, jf, k); k may be a PID placeholder."""
    header = [(LD_ABS, 0, 0, 4), (JEQ, 1, 0, AUDIT_ARCH_X86_64), (RET, 0, 0, RET_KILL), (LD_ABS, 0, 0, 0),
              (JGE, 0, 1, 0x40000000), (RET, 0, 0, RET_EPERM)]
    return header + dispatch(sorted(rules.items()))


def dispatch(rules):
    """A binary search on the syscall number: the kernel emulates the filter for every syscall number when it is
    installed (to cache the always-allowed ones), so a linear chain of ~50 comparisons made each child pay for it."""
    if len(rules) <= 3:
        code = []
        for nr, body in rules:
            code.append((JEQ, 0, len(body), nr))
            code += body
        return code + [(RET, 0, 0, RET_ALLOW)]
    middle = len(rules) // 2
    low, high = dispatch(rules[:middle]), dispatch(rules[middle:])
    assert len(low) < 256, "BPF jumps are at most 255 instructions"
    return [(JGE, len(low), 0, rules[middle][0])] + low + high


LIBC = ctypes.CDLL(None, use_errno=True)
PRCTL = LIBC.prctl  # no argtypes: converting plain ints in C touches fewer pages in a fresh child
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, PR_SET_DUMPABLE, SECCOMP_MODE_FILTER = 38, 22, 4, 2


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


class SeccompFilter:
    """A child's filter names the child's pid, so the fork server patches it in place for the pid the next child will
    most likely get (PIDs in the sandbox's namespace go only to the fork server's children, in order); a child with
    another pid patches its own copy. Patching a few words of one buffer, instead of building the filter, keeps the
    number of pages touched after each fork (and so copy-on-write faults, several microseconds each in a VM) small."""

    def __init__(self, rules):
        program = seccomp_program(rules)
        self.pid_offsets = [8 * i + 4 for i, (_, _, _, k) in enumerate(program) if k is PID]
        self.negative_offsets = [8 * i + 4 for i, (_, _, _, k) in enumerate(program) if k is NEG_PID]
        self.raw = ctypes.create_string_buffer(b"".join(
            struct.pack("HBBI", code, jt, jf, 0 if k is PID or k is NEG_PID else k) for code, jt, jf, k in program))
        self.fprog = SockFprog(len(program), ctypes.addressof(self.raw))
        self.pointer = ctypes.c_void_p(ctypes.addressof(self.fprog))
        self.pid = None

    def prepare(self, pid):
        if pid == self.pid:
            return
        for offset in self.pid_offsets:
            struct.pack_into("I", self.raw, offset, pid)
        for offset in self.negative_offsets:
            struct.pack_into("I", self.raw, offset, (-pid) & 0xFFFFFFFF)
        self.pid = pid

    def install(self):
        self.prepare(os.getpid())
        if PRCTL(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, self.pointer, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "seccomp filter could not be installed")


SECCOMP = SeccompFilter(child_rules())


# ---------------------------------------------------------------------------------------------------------------
# The child: checks, then f(<input>), then one JSON result on fd 3.
# ---------------------------------------------------------------------------------------------------------------
DEVNULL = os.open("/dev/null", os.O_RDWR)
_dumps = json.dumps
# Bound once: a program may rebind builtins and os functions in its own process; its report must not go through them.
_len, _repr, _str, _type, _memoryview = len, repr, str, type, memoryview
_write, _exit = os.write, os._exit


class ForbiddenAtRunTime(Exception):
    pass


def clip(text):
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if _len(text) <= ERROR_LIMIT else text[:ERROR_LIMIT] + "…"


def describe(exc):
    """The last line of a traceback: 'ZeroDivisionError: division by zero'."""
    kind = _type(exc)
    name = kind.__qualname__
    if kind.__module__ not in ("__main__", "builtins"):
        name = f"{kind.__module__}.{name}"
    try:
        message = _str(exc)
    except BaseException:
        message = "<exception str() failed>"
    return clip(f"{name}: {message}" if message else name)


def parse_call(input_text):
    """The input must be exactly the argument list of one call f(...). The newline lets a trailing comment end
    without swallowing our closing parenthesis, and '0) if x else (1' cannot parse into a single call of f."""
    try:
        tree = ast.parse("f(" + input_text + "\n)", "<input>", "eval")
    except SyntaxError as exc:
        return None, f"input: {exc.msg}"
    call = tree.body
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "f"):
        return None, "input: not the argument list of exactly one call f(...)"
    return tree, None


def check(program, input_text, policy):
    """(status, reason) when refused before running, else (compiled program, compiled call). Runs in the worker
    (inside the sandbox too): children inherit the code objects instead of each parsing and compiling again."""
    try:
        program_tree = ast.parse(program, "<program>", "exec")
        program_code = compile(program_tree, "<program>", "exec")
    except SyntaxError as exc:
        return ("syntax", f"program line {exc.lineno}: {exc.msg}"), None
    except (RecursionError, ValueError, MemoryError) as exc:
        return ("syntax", f"program: {describe(exc)}"), None
    try:
        call_tree, reason = parse_call(input_text)
        call_code = compile(call_tree, "<input>", "eval") if call_tree else None
    except SyntaxError as exc:
        call_tree, reason = None, f"input: {exc.msg}"
    except (RecursionError, ValueError, MemoryError) as exc:
        call_tree, reason = None, f"input: {describe(exc)}"
    if reason:
        return ("syntax", reason), None
    if policy == "azr":
        reason = find_forbidden(program_tree, "program") or find_forbidden(call_tree, "input")
        if reason:
            return ("forbidden", reason), None
    return None, (program_code, call_code)


def guard_imports(program_globals):
    """Second line behind the AST check under the azr policy: imports made by the program's own code (exec'd
    strings included) are refused at run time too. Modules importing their own dependencies are not affected."""
    real_import = builtins.__import__
    modules = sys.modules
    tripped = []

    def guarded(name, globals=None, locals=None, fromlist=(), level=0):
        owner = modules.get(globals.get("__name__")) if isinstance(globals, dict) else None
        if owner is None or getattr(owner, "__dict__", None) is not globals:
            dotted = ".".join([name or ""] + [str(item) for item in (fromlist or ())])
            part = banned_module_part(dotted)
            if part:
                tripped.append(f"import of banned module '{part}' at run time")
                raise ForbiddenAtRunTime(tripped[-1])
        return real_import(name, globals, locals, fromlist, level)

    builtins.__import__ = guarded
    return tripped


def execute(compiled, policy):
    program_globals = {}
    tripped = guard_imports(program_globals) if policy == "azr" else []
    try:
        exec(compiled[0], program_globals)
        output = _repr(eval(compiled[1], program_globals))
    except MemoryError:
        return "memory", None, "MemoryError: the program ran out of its memory limit"
    except BaseException as exc:
        if tripped:
            return "forbidden", None, tripped[0]
        return "error", None, describe(exc)
    if tripped:
        return "forbidden", None, tripped[0]
    try:
        encoded = output.encode("utf-8")
    except UnicodeEncodeError:
        return "error", None, "ValueError: the repr is not valid Unicode (lone surrogate)"
    if _len(encoded) > OUTPUT_LIMIT:
        return "output_too_large", None, f"the repr is {_len(encoded)} bytes, over the {OUTPUT_LIMIT}-byte limit"
    return "ok", encoded, None


def confine(timeout_ms, result_fd):
    """fds 0-2 are already /dev/null, the working directory is the scratch dir, and the fork server puts the child
    in its own process group: every call left here costs page faults in each child."""
    os.dup2(result_fd, 3)
    os.closerange(4, 65536)
    cpu = math.ceil(timeout_ms / 1000) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))  # the other limits are the fork server's, inherited
    SECCOMP.install()


def report(status, output, error):
    """Writes the verdict on fd 3; output is the repr's UTF-8 bytes (or None), error a str (or None)."""
    error_bytes = None if error is None else error.encode("utf-8", "backslashreplace")
    write_all(3, REPORT.pack(STATUSES.index(status), ABSENT if output is None else _len(output),
                             ABSENT if error_bytes is None else _len(error_bytes)) + (output or b"") + (error_bytes or b""))


def child_main(payload, timeout_ms, result_fd):
    try:
        confine(timeout_ms, result_fd)
        policy, program_code, call_code = marshal.loads(payload)
        report(*execute((program_code, call_code), policy))
        _exit(EXIT_REPORTED)
    except MemoryError:
        _exit(EXIT_NO_MEMORY_TO_REPORT)
    finally:
        _exit(EXIT_CHILD_CRASHED)


# ---------------------------------------------------------------------------------------------------------------
# The fork server: a small process forked once from the worker that only forks, waits and kills. Every fork
# write-protects the forking process's whole heap, and each page it writes afterwards costs a page fault (several
# microseconds in a VM); the worker's own work per request (JSON, ast, compile) would touch hundreds of pages, the fork
# server touches a few dozen. Requests: HEADER + marshal((policy, program code, call code)); replies: REPLY + bytes.
# ---------------------------------------------------------------------------------------------------------------
HEADER = struct.Struct("=II")   # timeout_ms, payload length
REPLY = struct.Struct("=iBBI")  # wait status, timed out, overflowed, result length
RESULT_CAP = 2 * OUTPUT_LIMIT + 4 * ERROR_LIMIT + 1024


def read_exact(fd, size):
    parts = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            return None
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


def write_all(fd, data):
    view = _memoryview(data)
    while view:
        view = view[_write(fd, view):]


def wipe_scratch():
    """Each child starts with an empty scratch dir; whatever the last one left is removed (it cannot outlive it)."""
    try:
        entries = os.listdir(SCRATCH)
    except PermissionError:
        os.chmod(SCRATCH, 0o700)
        entries = os.listdir(SCRATCH)
    for entry in entries:
        remove_tree(os.path.join(SCRATCH, entry))


def remove_tree(path):
    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, 0o700)
        for entry in os.listdir(path):
            remove_tree(os.path.join(path, entry))
        os.rmdir(path)
    else:
        os.unlink(path)


def fork_and_wait(payload, timeout_ms):
    """One confined child: (wait status, timed out, overflowed, what it wrote on its result pipe)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        child_main(payload, timeout_ms, write_fd)
    os.close(write_fd)
    SECCOMP.prepare(pid + 1)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass  # the child got there first, or already exited
    pidfd = os.pidfd_open(pid)
    deadline = time.monotonic() + timeout_ms / 1000
    poller = select.poll()
    poller.register(read_fd, select.POLLIN)
    poller.register(pidfd, select.POLLIN)
    chunks, size, pipe_open, exited, timed_out, overflow = [], 0, True, False, False, False
    while pipe_open or not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        for fd, _ in poller.poll(remaining * 1000):
            if fd == pidfd:
                exited = True
                poller.unregister(pidfd)
            else:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    pipe_open = False
                    poller.unregister(read_fd)
                chunks.append(chunk)
                size += len(chunk)
        if size > RESULT_CAP:
            overflow = True
            break
    for kill in (os.killpg, os.kill):  # by pid too: a child could have moved itself to another group
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass
    _, wait_status = os.waitpid(pid, 0)
    os.close(read_fd)
    os.close(pidfd)
    wipe_scratch()
    return wait_status, timed_out, overflow, b"" if timed_out or overflow else b"".join(chunks)


def fork_server(requests_fd, replies_fd):
    for fd in (0, 1, 2):  # children inherit these: prints vanish, input() meets EOF
        os.dup2(DEVNULL, fd)
    os.chdir(SCRATCH)
    # Limits every child inherits; each child only sets its own CPU limit (fewer calls, fewer pages touched).
    for limit, value in ((resource.RLIMIT_AS, MEMORY_BYTES), (resource.RLIMIT_FSIZE, FILE_LIMIT),
                         (resource.RLIMIT_NOFILE, OPEN_FILES), (resource.RLIMIT_NPROC, THREADS)):
        resource.setrlimit(limit, (value, value))
    SeccompFilter(server_rules()).install()
    gc.freeze()
    SECCOMP.prepare(os.getpid() + 1)
    while True:
        header = read_exact(requests_fd, HEADER.size)
        if header is None:
            os._exit(0)
        timeout_ms, length = HEADER.unpack(header)
        wait_status, timed_out, overflow, data = fork_and_wait(read_exact(requests_fd, length), timeout_ms)
        write_all(replies_fd, REPLY.pack(wait_status, timed_out, overflow, len(data)) + data)


class ForkServer:
    def __init__(self):
        requests_read, self.requests = os.pipe()
        self.replies, replies_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self.requests)
            os.close(self.replies)
            try:
                fork_server(requests_read, replies_write)
            finally:
                os._exit(EXIT_CHILD_CRASHED)
        os.close(requests_read)
        os.close(replies_write)

    def close(self):
        """Ends the fork server and reaps it, so the CPU of every program it ran is accounted to this worker."""
        os.close(self.requests)
        os.waitpid(self.pid, 0)

    def run(self, compiled, policy, timeout_ms):
        payload = marshal.dumps((policy, compiled[0], compiled[1]))
        write_all(self.requests, HEADER.pack(timeout_ms, len(payload)) + payload)
        reply = read_exact(self.replies, REPLY.size)
        if reply is None:
            raise SystemExit("the sandbox fork server died; the worker exits so the pool replaces it")
        wait_status, timed_out, overflow, length = REPLY.unpack(reply)
        data = read_exact(self.replies, length)
        if timed_out:
            return "timeout", None, f"timed out after {timeout_ms} ms; the process group was killed"
        if overflow:
            return "output_too_large", None, "the program wrote more than the result channel allows"
        return classify(data, wait_status, timeout_ms)


def signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def classify(data, wait_status, timeout_ms):
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        if number == signal.SIGXCPU:
            return "timeout", None, f"CPU time limit of {math.ceil(timeout_ms / 1000) + 1} s exceeded"
        if number == signal.SIGKILL:
            return "memory", None, "killed by SIGKILL (most likely the kernel's out-of-memory killer)"
        return "error", None, f"the program's process died from {signal_name(number)}"
    code = os.WEXITSTATUS(wait_status)
    if code == EXIT_NO_MEMORY_TO_REPORT:
        return "memory", None, "MemoryError: the program ran out of its memory limit"
    if code != EXIT_REPORTED or not data:
        return "error", None, f"the program's process exited with code {code} before reporting a result"
    try:
        index, output_length, error_length = REPORT.unpack_from(data)
        body = memoryview(data)[REPORT.size:]
        lengths = [0 if length == ABSENT else length for length in (output_length, error_length)]
        if index >= len(STATUSES) or len(body) != sum(lengths):
            raise ValueError("inconsistent report")
        output = None if output_length == ABSENT else str(body[:lengths[0]], "utf-8")
        error = None if error_length == ABSENT else str(body[lengths[0]:], "utf-8")
    except (ValueError, struct.error):
        return "error", None, "the program corrupted its result channel"
    return STATUSES[index], output, error


def handle(request, server):
    policy, timeout_ms = request["policy"], request["timeout_ms"]
    refused, compiled = check(request["program"], request["input"], policy)
    if refused:
        return refused[0], None, refused[1]
    status, output, error = server.run(compiled, policy, timeout_ms)
    if request["check"] == "validate" and status == "ok":
        second = server.run(compiled, policy, timeout_ms)
        if second[0] != "ok":
            return "nondeterministic", output, f"the second run ended with {second[0]}: {second[2]}"
        if second[1] != output:
            return "nondeterministic", output, clip(f"the second run returned {second[1]}")
    return status, output, error


def serve(server):
    pending = b""
    while True:
        chunk = os.read(0, 1 << 20)
        if not chunk:
            server.close()
            return
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            started = time.perf_counter()
            request_id = None
            try:
                request = json.loads(line)
                request_id = request["id"]
                status, output, error = handle(request, server)
            except (ValueError, KeyError, TypeError) as exc:
                status, output, error = "error", None, f"malformed request to the sandbox worker: {describe(exc)}"
            ms = (time.perf_counter() - started) * 1000
            reply = {"id": request_id, "status": status, "output": output, "error": error, "ms": round(ms, 3)}
            os.write(1, _dumps(reply).encode("utf-8") + b"\n")


def probe(server):
    """Proves at start that a child really is confined: the filter installs and fork is refused."""
    _, compiled = check("import os\ndef f():\n    return os.fork()", "", "benchmark")
    status, output, error = server.run(compiled, "benchmark", 5000)
    if status != "error" or "PermissionError" not in (error or ""):
        return f"a confined child could still fork ({status}: {output or error})"
    return None


def start():
    if os.uname().machine != "x86_64":
        failure = f"the seccomp filter supports x86_64 only, this machine is {os.uname().machine}"
    else:
        PRCTL(PR_SET_DUMPABLE, 0, 0, 0, 0)  # children may not read or trace this process through /proc
        PRCTL(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)  # inherited: the fork server and every child may install filters
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES + WORKER_HEADROOM, MEMORY_BYTES + WORKER_HEADROOM))
        server = ForkServer()
        failure = probe(server)
    hello = {"ready": failure is None, "failure": failure, "uid": os.getuid(), "hostname": os.uname().nodename,
             "environment": sorted(os.environ), "network": network_interfaces()}
    os.write(1, _dumps(hello).encode("utf-8") + b"\n")
    if failure is None:
        serve(server)


def network_interfaces():
    with open("/proc/net/dev") as table:
        return sorted(line.split(":")[0].strip() for line in table.read().splitlines()[2:])


start()
