"""bandwidth: a Python SDK for the Bandwidth Voice API's Calls endpoints."""

__version__ = "0.1.0"
