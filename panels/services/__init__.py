"""Writes for panels and assessment (the same conventions as awards/services)."""
