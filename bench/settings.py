"""Bench settings: production settings with a fast password hasher and the bare page routed.

Bench users share one known password, hashed once with MD5 so generating them is instant;
they are signed in by writing their sessions (bench/signin.py), so the log-in rate limits
never come into play. bench/urls.py adds the bare page
(bench/views.py) that measures the ceiling of the stack; production never routes it.
"""

import os

# The bench sends no e-mail; production settings refuse to start without an e-mail setup.
os.environ.setdefault("DJANGO_EMAIL_BACKEND", "console")

from backcare.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ROOT_URLCONF = "bench.urls"
