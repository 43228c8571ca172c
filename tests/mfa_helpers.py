"""Two-factor for tests: staff need it to open the admin."""

import pyotp

# The TOTP secret of every staff user in tests.
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def with_totp(user, secret: str = STAFF_TOTP_SECRET):
    """Set up an authenticator app for the user, as if scanned from the QR code."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    return user


def totp_code(secret: str = STAFF_TOTP_SECRET) -> str:
    return pyotp.TOTP(secret).now()
