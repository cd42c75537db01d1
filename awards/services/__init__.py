"""Writes for applications, decisions and awards.

Every function takes keyword-only arguments, is atomic, takes "now" from its caller where
time matters, and never sees a request. Domain errors are ``core.errors.ServiceError``
subclasses whose message is for the person; status changes go through awards/workflow/.
"""
