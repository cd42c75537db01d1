"""Writes for organisations, teams, evidence and action plans (the same conventions as
awards/services)."""
