"""The article's multiprocessing script, as the article writes it, with its inputs from the command line
(items, n) and its one figure printed as JSON instead of a sentence: the wall time from the first Process
created to the last joined, as the article's start_time and end_time measure it."""

import json
import multiprocessing
import sys
import time


def cpu_bound_task(n):
    count = 0
    for i in range(n):
        count += i


if __name__ == "__main__":
    items, n = int(sys.argv[1]), int(sys.argv[2])
    start_time = time.time()
    processes = []
    for i in range(items):
        p = multiprocessing.Process(target=cpu_bound_task, args=(n,))
        processes.append(p)
        p.start()

    for p in processes:
        p.join()

    end_time = time.time()
    print(json.dumps({"wallMs": (end_time - start_time) * 1000}))
