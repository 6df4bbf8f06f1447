"""The article's threading experiment on its CPU-bound loop: the threading script's shape (a Thread per item,
started, then joined) with the multiprocessing script's cpu_bound_task, its inputs from the command line
(items, n) and its wall time printed as JSON. With the GIL, the threads take turns."""

import json
import sys
import threading
import time


def cpu_bound_task(n):
    count = 0
    for i in range(n):
        count += i


if __name__ == "__main__":
    items, n = int(sys.argv[1]), int(sys.argv[2])
    start_time = time.time()
    threads = []
    for i in range(items):
        t = threading.Thread(target=cpu_bound_task, args=(n,))
        threads.append(t)
        t.start()

    for t in threads:
        t.join()

    end_time = time.time()
    print(json.dumps({"wallMs": (end_time - start_time) * 1000}))
