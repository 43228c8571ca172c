"""gunicorn settings for BackCare; gunicorn reads ./gunicorn.conf.py by default.

    gunicorn backcare.wsgi -c gunicorn.conf.py

Meant to sit behind a buffering proxy (docs/DEPLOY.md) that takes the slow clients: it
hands over whole requests only. gunicorn's own limits are the second line.
"""

import multiprocessing
import os

# Behind the proxy: listen on this machine only. `--bind` on the command line wins.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# A sync worker is held by a client that trickles its headers until `timeout` kills it: two
# such clients stopped a two-worker site for 30 s. A gthread worker waits for a connection's
# first bytes in its event loop, and serves several requests at once in threads, so a few
# slow clients take a thread each, not the site.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))

# A request that takes longer than this is stuck: the worker is restarted.
timeout = 30
graceful_timeout = 20
# Idle kept-alive connections are closed after this many seconds (the proxy reuses them).
keepalive = 5

# Request line and headers beyond these are refused (414, 431) before Django sees them.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# A worker is replaced after about this many requests, so a slow leak stays small.
max_requests = 1000
max_requests_jitter = 100

# X-Forwarded-* are trusted only from the proxy on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
