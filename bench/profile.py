"""Where a page spends its time: cProfile over repeated requests against the bench database.

    python -m bench.profile today [--user growth-2y-00@bench.invalid] [--repeat 50] [--top 40]

Pages are those of bench/pages.py, plus "log: save". Runs in-process with Django's test
client under bench/settings.py (production settings, no test instrumentation), after a
first request that warms template and URL caches. Needs the database `make bench` builds.
"""

import argparse
import cProfile
import os
import pstats
import time

from bench.generate import DATABASE_URL, setup_django
from bench.pages import PATHS, session_form_data, visit_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("page", choices=[*PATHS, "log: save"])
    parser.add_argument("--user", default="user00000@bench.invalid")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args(argv)

    # As bench.run serves it: production settings over plain HTTP.
    os.environ |= {
        "DJANGO_DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
    }
    setup_django(DATABASE_URL)
    from django.test import Client

    from backcare.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=args.user))

    def visit():
        path = visit_path(args.page)
        if args.page == "log: save":
            data = session_form_data(client.get(path).content.decode())
            return client.post(path, data)
        return client.get(path)

    visit()  # warm caches
    profiler = cProfile.Profile()
    started = time.process_time()
    profiler.enable()
    for _ in range(args.repeat):
        visit()
    profiler.disable()
    cpu = (time.process_time() - started) / args.repeat
    print(f"{args.page}: {1000 * cpu:.1f} ms CPU per request (profiled, so slower than real)")
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
