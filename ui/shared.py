"""What every browser session of the server process shares (``st.cache_resource``).

Only immutable or stateless objects belong here (ARCHITECTURE: never per-user state in
``st.cache_resource``). The cached functions live in an imported module, not in app.py:
Streamlit runs app.py again on every interaction, and decorating a function there hashed
its source code again on every run.
"""

from __future__ import annotations

import streamlit as st

from interview.questions import QuestionBank, load_bank


@st.cache_resource(show_spinner="Loading the question bank...")
def question_bank() -> QuestionBank:
    """The question bank, loaded and validated once per server process."""
    return load_bank()
