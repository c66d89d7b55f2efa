"""gunicorn's settings for this site; gunicorn reads this file when started in this folder
(README «Запуск в работу», bin/benchmark). Options on the command line still win.

The garbage collector: a page of the 500-event plan makes a hundred thousand Python objects, and
every few pages Python's oldest-generation collection walked all of Django as well — 60 ms on the
page that met it, the slowest twentieth of the pages (docs/performance.md). Once a worker has loaded
the site, what it loaded is frozen (gc.freeze: never walked again), and the young generation is
collected every 50,000 allocations instead of 700.

A worker is replaced after about a thousand requests: what WeasyPrint and openpyxl leave behind (a PDF
stopped by its deadline abandons some of its clean-up) does not pile up for weeks.
"""

max_requests = 1000
max_requests_jitter = 100

import gc


def post_worker_init(worker):
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)
