"""The Streamlit layer: the pages (``interview_page``, routed by ``navigation``) and how the
engine's objects look on screen."""
