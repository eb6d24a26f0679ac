"""Streamlit rendering helpers for ``app.py``: how the engine's objects look on screen."""
