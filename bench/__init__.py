"""Benchmarks: each figure is printed as a ratio against a limit measured in the same run.

Run them all with ``python -m bench`` (``make bench``); see bench/README.md.
"""
