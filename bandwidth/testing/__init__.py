"""Test helpers for code built on this SDK: a local Voice API simulator and pytest fixtures."""
