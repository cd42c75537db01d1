import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_totp_code(secret: str, *, steps_ago: int = 0) -> str:
    """The code an authenticator app shows now for this secret (or ``steps_ago`` 30-second
    steps earlier)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 - steps_ago))
