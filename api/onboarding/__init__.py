"""Onboarding: gated task flows that unlock permissions as new hires prove themselves."""
