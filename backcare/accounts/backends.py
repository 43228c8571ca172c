"""The authentication backend: allauth's, reading the signed-in user with their clinician
profile in the same query, so every page knows whether to offer "Your patients" for free."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from backcare.accounts.models import User


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        # A reverse one-to-one in select_related: a user who is no clinician is known to
        # have no profile, with no second query.
        user = User._default_manager.select_related("clinician").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
