"""Pure waiting on a timer: the Python twin of src/tasks/sleep.ts. A blocking sleep on a thread or a process
(it releases the GIL), a coroutine's sleep on python-asyncio."""

import asyncio
import time


def run(ms):
    time.sleep(ms / 1000)
    return ms


async def run_async(ms):
    await asyncio.sleep(ms / 1000)
    return ms
