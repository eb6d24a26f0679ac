"""The mock-interview coach in the browser: ``streamlit run app.py``.

Streamlit runs this file on every interaction; it only routes to the page the URL names
(``ui.navigation``): the interview (``ui.interview_page``) or the history
(``app_pages/history.py``).
"""

from ui import navigation

navigation.run()
