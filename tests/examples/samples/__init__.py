"""Pinned copies, written for these tests, of what Bandwidth's public sample apps do."""
