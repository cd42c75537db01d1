import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_totp_code(secret: str) -> str:
    """The code an authenticator app would show now for this secret."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
