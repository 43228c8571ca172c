"""The request type of a signed-in page, for type checking.

Behind @login_required, `request.user` is a User, never AnonymousUser; annotating the view's
request as SignedInRequest tells mypy so, and the services it calls can ask for `user: User`.
"""

from django.http import HttpRequest

from backcare.accounts.models import User


class SignedInRequest(HttpRequest):
    user: User  # narrower than HttpRequest's: login_required turned anonymous visitors away
