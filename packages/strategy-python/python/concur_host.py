"""The Python side of concur's python-* strategies: one interpreter serving one or many units.

Standard library only, Python 3.8 or later. The engine's side (src/python-process.ts) starts this file with
two extra pipes: it writes to file descriptor 3 and reads from file descriptor 4, one JSON document per
line, so that what a task prints on stdout and stderr never mixes with the channel. Each message carries
the unit it is for ("to"/"from"), and its body ("m") is the unit kit's wire protocol (core's wire.ts): items
arrive in batches ({"t": "run", "items": [...]}) and results leave in batches ({"t": "results", ...}).

    --mode process   one unit, its items run on a thread of their own; the process ends with the unit
    --mode thread    many units, one thread each (threading.Thread, under the GIL where there is one)
    --mode asyncio   many units, coroutines on one event loop in the main thread

A task is a module with run(input) or run(input, ctx), and optional setup(ctx) and teardown(). For asyncio,
run may be `async def`; elsewhere an `async def run` is driven to its end by asyncio.run on the unit's thread.
A module may carry both styles: on python-asyncio an `async def run_async` is preferred to `run`, so that one
twin serves threads with blocking calls and the event loop with coroutines.
"""

import argparse
import contextvars
import importlib
import importlib.util
import inspect
import json
import os
import queue
import signal
import sys
import threading
import time
import traceback
from urllib.parse import unquote, urlparse

PROGRESS_EVERY_S = 0.05
LOOP_PROBE_S = 0.02

if sys.version_info < (3, 8):
    sys.stderr.write("concur: this host needs Python 3.8 or later, got %s\n" % sys.version.split()[0])
    sys.exit(2)


class Channel:
    """The pipe to the engine. Lines are written whole under one lock, so threads never interleave them."""

    def __init__(self, out_fd):
        self._out = os.fdopen(out_fd, "wb", buffering=0)
        self._lock = threading.Lock()

    def write(self, messages):
        data = b"".join(json.dumps(m, separators=(",", ":")).encode("utf-8") + b"\n" for m in messages)
        with self._lock:
            try:
                self._out.write(data)
            except (BrokenPipeError, OSError):
                # The engine is gone; the reader sees the end of its pipe and ends this process.
                pass

    def send(self, message):
        self.write([message])


channel = None  # set in main()
current_unit = contextvars.ContextVar("concur_unit", default=None)
real_stdout = sys.stdout
real_stderr = sys.stderr


class UnitOutput:
    """sys.stdout / sys.stderr for tasks: text goes to the engine attributed to the unit that printed it."""

    def __init__(self, stream, fallback):
        self._stream = stream
        self._fallback = fallback

    def write(self, text):
        unit = current_unit.get()
        if unit is None:
            return self._fallback.write(text)
        if text:
            channel.send({"out": unit.key, "s": self._stream, "text": text})
        return len(text)

    def flush(self):
        if current_unit.get() is None:
            self._fallback.flush()

    def isatty(self):
        return False


class Progress:
    """Latest progress per unit, sent by one thread at most every PROGRESS_EVERY_S: never a message per call."""

    def __init__(self):
        self._latest = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        threading.Thread(target=self._loop, name="concur-progress", daemon=True).start()

    def set(self, key, fraction):
        with self._lock:
            self._latest[key] = fraction
        self._wake.set()

    def _loop(self):
        while True:
            self._wake.wait()
            self._wake.clear()
            with self._lock:
                latest, self._latest = self._latest, {}
            if latest:
                channel.write(
                    [{"from": key, "m": {"t": "progress", "fraction": f}} for key, f in latest.items()]
                )
            time.sleep(PROGRESS_EVERY_S)


progress = None  # set in main()


def last_line(error):
    """The last line of a traceback: "ValueError: bad input"."""
    lines = traceback.format_exception_only(type(error), error)
    return lines[-1].strip() if lines else type(error).__name__


def describe(error):
    return {
        "kind": "threw",
        "message": last_line(error),
        "stack": "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    }


_wants_ctx = {}


def wants_ctx(function, before=0):
    """Whether a task function takes a ctx after `before` other arguments: run(input, ctx), setup(ctx)."""
    key = (function, before)
    if key not in _wants_ctx:
        _wants_ctx[key] = _takes_ctx(function, before)
    return _wants_ctx[key]


def _takes_ctx(function, before):
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return True
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return any(p.kind == p.VAR_POSITIONAL for p in parameters) or len(positional) > before


def load_task(ref, key):
    """A fresh module instance per unit, as every Node unit imports its own: module globals are the unit's."""
    if ref.startswith("file:"):
        path = unquote(urlparse(ref).path)
    else:
        path = ref
    if path.endswith(".py") or os.sep in path:
        spec = importlib.util.spec_from_file_location("concur_task_%d" % key, path)
        if spec is None or spec.loader is None:
            raise ImportError("cannot import %s as a Python module" % path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    else:
        module = importlib.import_module(ref)
    if not callable(getattr(module, "run", None)):
        raise TypeError("%s has no run(input) function; a Python task is a module with run(input, ctx)" % ref)
    return module


class ItemContext:
    """What a task's run gets as ctx: its unit, progress, and whether its item was aborted."""

    def __init__(self, unit):
        self.unit = unit.slot
        self._unit = unit
        self.aborted = False

    def progress(self, fraction):
        progress.set(self._unit.key, float(fraction))


class SetupContext:
    def __init__(self, unit):
        self.unit = unit.slot


def encode_value(value):
    """The value as JSON, or the line saying why it cannot travel (a function, a set, NaN…)."""
    try:
        return json.dumps(value, allow_nan=False), None
    except (TypeError, ValueError, RecursionError) as error:
        return None, (
            "the task's output cannot be sent back to the engine (%s); return plain data: "
            "dicts, lists, strings, numbers, booleans and None" % last_line(error)
        )


def result_of(item_id, value, ms):
    encoded, problem = encode_value(value)
    if problem:
        return {"id": item_id, "ok": False, "error": {"kind": "not-cloneable", "message": problem}, "ms": ms}
    # Checked by encoding it once; the channel encodes it again with its message.
    return {"id": item_id, "ok": True, "value": value, "ms": ms}


class Unit:
    """One unit's state, whatever runs it: its task module, its items in flight, its own CPU time."""

    def __init__(self, key, ref, slot, owner):
        self.key = key
        self.ref = ref
        self.slot = slot
        # The unit that started a shared process reports the process's memory; the others only their CPU.
        self.owner = owner
        self.module = None
        self.contexts = {}
        self.dropped = False
        self.cpu_s = None
        self.tid = None

    def send(self, body):
        channel.send({"from": self.key, "m": body})

    def ended(self, code):
        channel.send({"from": self.key, "exit": code})

    def abort(self):
        for ctx in self.contexts.values():
            ctx.aborted = True

    def figures(self, mode, loop_delay):
        figures = {"scope": "process"}
        if mode == "thread":
            if self.cpu_s is not None:
                figures["cpuUserMs"] = self.cpu_s * 1000
        elif self.owner:
            figures.update(process_cpu())
        if self.owner:
            figures.update(process_memory())
        if loop_delay is not None:
            figures.update(loop_delay.figures())
        return figures

    def setup(self):
        self.module = load_task(self.ref, self.key)
        setup = getattr(self.module, "setup", None)
        if callable(setup):
            outcome = setup(SetupContext(self)) if wants_ctx(setup) else setup()
            if inspect.isawaitable(outcome):
                return outcome
        return None

    def teardown(self):
        teardown = getattr(self.module, "teardown", None)
        return teardown() if callable(teardown) else None


def process_cpu():
    times = os.times()
    return {"cpuUserMs": times.user * 1000, "cpuSystemMs": times.system * 1000}


def process_memory():
    figures = {}
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    figures["rssBytes"] = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    figures["peakRssBytes"] = int(line.split()[1]) * 1024
    except OSError:
        try:
            import resource

            # ru_maxrss is in KiB on Linux, in bytes on macOS.
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            figures["peakRssBytes"] = peak if sys.platform == "darwin" else peak * 1024
        except (ImportError, OSError):
            pass
    return figures


# ---------------------------------------------------------------------------------------------------------
# Threads: --mode process (one unit) and --mode thread (many units in one process)


class ThreadUnit(Unit):
    def __init__(self, key, ref, slot, owner, exit_process):
        super().__init__(key, ref, slot, owner)
        self.inbox = queue.Queue()
        self.exit_process = exit_process
        self.thread = threading.Thread(target=self.serve, name="concur-unit-%d" % key, daemon=True)

    def start(self):
        self.thread.start()

    def serve(self):
        current_unit.set(self)
        self.tid = threading.get_native_id()
        try:
            awaitable = self.setup()
            if awaitable is not None:
                run_coroutine(awaitable)
        except SystemExit as exit:
            return self.finish(exit_code(exit))
        except BaseException as error:  # noqa: B036 - a setup's failure of any kind is reported, not raised
            self.send({"t": "setup-failed", "error": describe(error)})
            return self.finish(1)
        self.send({"t": "ready", "info": {"tid": self.tid}})
        while True:
            message = self.inbox.get()
            if message is None:
                return self.close()
            item_id, item_input = message
            outcome = self.run_one(item_id, item_input)
            if isinstance(outcome, SystemExit):
                return self.finish(exit_code(outcome))
            if not self.dropped:
                self.send({"t": "results", "results": [outcome]})

    def run_one(self, item_id, item_input):
        ctx = ItemContext(self)
        self.contexts[item_id] = ctx
        run = self.module.run
        started = time.perf_counter()
        try:
            value = run(item_input, ctx) if wants_ctx(run, 1) else run(item_input)
            if inspect.isawaitable(value):
                value = run_coroutine(value)
            result = result_of(item_id, value, (time.perf_counter() - started) * 1000)
        except SystemExit as exit:
            return exit
        except BaseException as error:  # noqa: B036 - KeyboardInterrupt, MemoryError: the item failed
            result = {
                "id": item_id,
                "ok": False,
                "error": describe(error),
                "ms": (time.perf_counter() - started) * 1000,
            }
        finally:
            del self.contexts[item_id]
            self.cpu_s = time.thread_time()
        return result

    def close(self):
        error = None
        try:
            outcome = self.teardown()
            if inspect.isawaitable(outcome):
                run_coroutine(outcome)
        except SystemExit as exit:
            return self.finish(exit_code(exit))
        except BaseException as caught:  # noqa: B036
            error = last_line(caught)
        self.cpu_s = time.thread_time()
        closed = {"t": "closed", "figures": self.figures(MODE, None)}
        if error:
            closed["teardownError"] = error
        self.send(closed)
        self.finish(0)

    def finish(self, code):
        units.pop(self.key, None)
        if self.exit_process:
            flush_and_exit(code)
        self.ended(code)


async def as_coroutine(awaitable):
    return await awaitable


def run_coroutine(awaitable):
    """An `async def` task on a unit's own thread, driven to its end by a loop of its own. asyncio is imported
    here, not at the top: it is a good part of an interpreter's start-up, and most thread tasks never need it."""
    import asyncio

    return asyncio.run(as_coroutine(awaitable))


def exit_code(exit):
    """sys.exit(code)'s code as a process exit status: None is 0, a message is 1 (and printed)."""
    if exit.code is None:
        return 0
    if isinstance(exit.code, int):
        return exit.code
    sys.stderr.write("%s\n" % exit.code)
    return 1


def flush_and_exit(code):
    for stream in (sys.stdout, sys.stderr, real_stdout, real_stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


# ---------------------------------------------------------------------------------------------------------
# Asyncio: --mode asyncio, every unit a set of coroutines on the main thread's loop


class LoopDelay:
    """How late the loop runs a callback asked for every LOOP_PROBE_S: what a blocking task costs the others."""

    def __init__(self):
        self.samples = []

    async def probe(self):
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            await asyncio.sleep(LOOP_PROBE_S)
            self.samples.append(max(0.0, (loop.time() - asked - LOOP_PROBE_S) * 1000))
            del self.samples[:-2000]

    def figures(self):
        ordered = sorted(self.samples)
        if not ordered:
            return {}
        pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
        return {"loopDelayP50Ms": pick(0.5), "loopDelayP99Ms": pick(0.99)}


class AsyncUnit(Unit):
    def __init__(self, key, ref, slot, owner, loop):
        super().__init__(key, ref, slot, owner)
        self.loop = loop
        self.tasks = {}
        self.pending = []
        self.closing = False

    def start(self):
        self.in_context(self.begin())

    def in_context(self, coroutine):
        """A task for `coroutine` whose prints are this unit's: a task copies the context it is created in."""
        context = contextvars.copy_context()
        context.run(current_unit.set, self)
        return context.run(self.loop.create_task, coroutine)

    async def begin(self):
        try:
            awaitable = self.setup()
            if awaitable is not None:
                await awaitable
        except SystemExit as exit:
            return self.finish(exit_code(exit))
        except BaseException as error:  # noqa: B036
            self.send({"t": "setup-failed", "error": describe(error)})
            return self.finish(1)
        self.send({"t": "ready", "info": {"tid": threading.get_native_id()}})

    def run_items(self, items):
        for item in items:
            ctx = ItemContext(self)
            self.contexts[item["id"]] = ctx
            self.tasks[item["id"]] = self.in_context(self.run_one(item["id"], item["input"], ctx))

    async def run_one(self, item_id, item_input, ctx):
        run = getattr(self.module, "run_async", None) or self.module.run
        started = time.perf_counter()
        try:
            value = run(item_input, ctx) if wants_ctx(run, 1) else run(item_input)
            if inspect.isawaitable(value):
                value = await value
            result = result_of(item_id, value, (time.perf_counter() - started) * 1000)
        except SystemExit as exit:
            self.reply_now()
            return self.finish(exit_code(exit))
        except asyncio.CancelledError:
            return None
        except BaseException as error:  # noqa: B036
            result = {"id": item_id, "ok": False, "error": describe(error), "ms": (time.perf_counter() - started) * 1000}
        finally:
            self.contexts.pop(item_id, None)
            self.tasks.pop(item_id, None)
        if self.dropped:
            return None
        # Results that settle in one turn of the loop leave in one message.
        if not self.pending:
            self.loop.call_soon(self.reply_now)
        self.pending.append(result)
        return None

    def reply_now(self):
        if self.pending and not self.dropped:
            self.send({"t": "results", "results": self.pending})
        self.pending = []

    async def close(self):
        self.closing = True
        if self.tasks:
            await asyncio.wait(list(self.tasks.values()))
        self.reply_now()
        error = None
        try:
            outcome = self.teardown()
            if inspect.isawaitable(outcome):
                await outcome
        except SystemExit as exit:
            return self.finish(exit_code(exit))
        except BaseException as caught:  # noqa: B036
            error = last_line(caught)
        closed = {"t": "closed", "figures": self.figures(MODE, loop_delay)}
        if error:
            closed["teardownError"] = error
        self.send(closed)
        self.finish(0)

    def drop(self):
        self.dropped = True
        self.abort()
        for task in list(self.tasks.values()):
            task.cancel()

    def finish(self, code):
        self.dropped = True
        for task in list(self.tasks.values()):
            task.cancel()
        units.pop(self.key, None)
        self.ended(code)


# ---------------------------------------------------------------------------------------------------------


MODE = "process"
units = {}
loop_delay = None


def handle(message, loop):
    """One message from the engine. In asyncio mode this runs on the loop; otherwise on the reader thread."""
    if "open" in message:
        key = message["open"]
        owner = bool(message.get("owner"))
        if MODE == "asyncio":
            unit = AsyncUnit(key, message["task"], message["unit"], owner, loop)
        else:
            unit = ThreadUnit(key, message["task"], message["unit"], owner, MODE == "process")
        units[key] = unit
        unit.start()
        return
    if "drop" in message:
        unit = units.pop(message["drop"], None)
        if unit is not None:
            # A thread cannot be stopped from outside: it is abandoned, and ends with the process.
            unit.dropped = True
            unit.abort()
            if isinstance(unit, AsyncUnit):
                unit.drop()
        return
    unit = units.get(message.get("to"))
    if unit is None:
        return
    body = message["m"]
    kind = body.get("t")
    if kind == "run":
        if isinstance(unit, AsyncUnit):
            unit.run_items(body["items"])
        else:
            for item in body["items"]:
                unit.inbox.put((item["id"], item["input"]))
    elif kind == "figures":
        unit.send({"t": "figures", "figures": unit.figures(MODE, loop_delay)})
    elif kind == "abort":
        unit.abort()
    elif kind == "close":
        if isinstance(unit, AsyncUnit):
            unit.in_context(unit.close())
        else:
            unit.inbox.put(None)


def read_lines(in_fd, deliver):
    """Deliver each line from the engine; the end of the pipe means the engine is gone, and so is this process."""
    with os.fdopen(in_fd, "rb") as pipe:
        for line in pipe:
            if line.strip():
                deliver(json.loads(line))
    flush_and_exit(0 if not units else 1)


def die_with_parent():
    """Linux: ask the kernel for SIGKILL when the engine dies, even while a task holds the GIL in a C call."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        parent = os.getppid()
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:
            os._exit(1)
    except (OSError, AttributeError, ImportError):
        pass  # the end of the pipe still ends this process whenever the reader gets the GIL


def main():
    global channel, progress, MODE, loop_delay
    parser = argparse.ArgumentParser(description="concur's Python host")
    parser.add_argument("--mode", choices=["process", "thread", "asyncio"], required=True)
    parser.add_argument("--in-fd", type=int, default=3)
    parser.add_argument("--out-fd", type=int, default=4)
    args = parser.parse_args()
    MODE = args.mode
    # Ctrl-C reaches the whole process group; the engine decides when units stop, as it does for Node's.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    channel = Channel(args.out_fd)
    progress = Progress()
    sys.stdout = UnitOutput("stdout", real_stdout)
    sys.stderr = UnitOutput("stderr", real_stderr)

    if MODE != "asyncio":
        read_lines(args.in_fd, lambda message: handle(message, None))
        return

    global asyncio
    import asyncio

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop_delay = LoopDelay()
    loop.create_task(loop_delay.probe())
    reader = threading.Thread(
        target=read_lines,
        args=(args.in_fd, lambda message: loop.call_soon_threadsafe(handle, message, loop)),
        name="concur-reader",
        daemon=True,
    )
    reader.start()
    loop.run_forever()


if __name__ == "__main__":
    main()
