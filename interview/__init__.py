"""Mock-interview coach for machine-learning and data roles: the engine, with no UI code."""

__version__ = "0.1.0"
