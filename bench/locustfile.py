"""Signed-in users visiting BackCare's pages, for a headless locust run (bench/run.py drives it).

Environment:
    BENCH_ACCOUNTS  accounts.json from bench/signin.py (session cookies by group)
    BENCH_PAGES     pages and weights, e.g. "today:4,log:1,dashboard:2" ("log" = GET the
                    form, then POST it with its fresh submission_key)
    BENCH_GROUPS    whose accounts: "crowd", or "2w,2y" to visit each page as both (the
                    requests are then named "today [2w]" and "today [2y]")
    BENCH_WAIT      think time between visits in seconds: "0" or a range such as "0.5-1.5"

Every visit picks an account of the group at random, so writes spread over many users.
A page that answers 404 before the run (one not built yet) is left out, not failed.
"""

import json
import os
import random
import secrets
import string
import urllib.error
import urllib.request

from locust import between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser

from bench.pages import PATHS, session_form_data, visit_path


def _pages() -> dict[str, int]:
    pages = {}
    for part in os.environ.get("BENCH_PAGES", "today").split(","):
        name, _, weight = part.partition(":")
        pages[name.strip()] = int(weight or 1)
    return pages


def _wait():
    low, _, high = os.environ.get("BENCH_WAIT", "0").partition("-")
    return between(float(low), float(high)) if high else constant(float(low))


with open(os.environ["BENCH_ACCOUNTS"]) as f:
    ACCOUNTS: dict[str, list[str]] = json.load(f)
GROUPS = os.environ.get("BENCH_GROUPS", "crowd").split(",")
PAGES = _pages()
# Any 32 letters and digits make a valid CSRF secret; the forms are masked from it.
CSRF = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


@events.test_start.add_listener
def leave_out_missing_pages(environment, **kwargs):
    cookie = f"sessionid={ACCOUNTS[GROUPS[0]][0]}"
    for name in list(PAGES):
        url = environment.host + PATHS[name]
        request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - ours
        try:
            urllib.request.urlopen(request, timeout=30).close()  # noqa: S310
        except urllib.error.HTTPError as error:
            if error.code == 404:
                print(f"locustfile: {PATHS[name]} answers 404; {name} is left out")
                del PAGES[name]


class Member(FastHttpUser):
    wait_time = _wait()

    @task
    def visit(self):
        if not PAGES:
            return
        page = random.choices(list(PAGES), weights=list(PAGES.values()))[0]
        for group in GROUPS:
            suffix = "" if group == "crowd" else f" [{group}]"
            headers = {"Cookie": f"sessionid={random.choice(ACCOUNTS[group])}; csrftoken={CSRF}"}
            if page == "log":
                self.log_session(headers, suffix)
            else:
                self.get(visit_path(page), page + suffix, headers)

    def get(self, path: str, name: str, headers: dict):
        self.client.cookiejar.clear()  # every visit carries its own account's cookies
        with self.client.get(path, name=name, headers=headers, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")
            return response.text if response.status_code == 200 else None

    def log_session(self, headers: dict, suffix: str):
        path = visit_path("log")
        html = self.get(path, "log: form" + suffix, headers)
        if html is None:
            return
        self.client.cookiejar.clear()
        with self.client.post(
            path,
            data=session_form_data(html),
            headers=headers | {"Content-Type": "application/x-www-form-urlencoded"},
            name="log: save" + suffix,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # Saved: a redirect to Today. A 200 is the form again, with errors.
            if response.status_code != 302 or not response.headers.get("Location", "").endswith(
                "/today/"
            ):
                response.failure(f"not saved: {response.status_code}")
