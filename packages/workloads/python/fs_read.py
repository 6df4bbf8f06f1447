"""Writes a file in a temporary folder, reads it back and deletes it: the Python twin of src/tasks/fs-read.ts.

Python's asyncio has no file I/O of its own: on python-asyncio these calls block the loop briefly, as they do
in a plain asyncio program without a thread pool."""

import math
import os
import shutil
import tempfile

LINE = "abcdefghijklmnopqrstuvwxyz\n"
folder = None
unit = 0


def file_contents(index, size):
    head = "%d:" % index
    return (head + LINE * math.ceil(size / len(LINE)))[:size]


def setup(ctx):
    global folder, unit
    unit = ctx.unit
    folder = tempfile.mkdtemp(prefix="concur-fs-read-")


def run(item):
    path = os.path.join(folder, "unit-%d-item-%d.txt" % (unit, item["index"]))
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(file_contents(item["index"], item["bytes"]))
    try:
        with open(path, encoding="utf-8", newline="") as back:
            return back.read()
    finally:
        os.unlink(path)


def teardown():
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
