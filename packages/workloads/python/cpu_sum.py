"""The article's CPU-bound loop, as the article writes it: count += i for every i below n.

The Python twin of src/tasks/cpu-sum.ts, for the python-* strategies. The loop runs in chunks only to report
progress and to notice an abort; each chunk is the article's own `for i in range(...): count += i`.
"""

CHUNK = 1_000_000


def run(n, ctx):
    count = 0
    for start in range(0, n, CHUNK):
        end = min(n, start + CHUNK)
        for i in range(start, end):
            count += i
        ctx.progress(end / n)
        if ctx.aborted:
            raise RuntimeError("aborted")
    # Python's integers are exact at any size; JSON carries the number, and Node reads it as a double.
    return count
