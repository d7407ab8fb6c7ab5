"""The love-language quiz: classic (forced choice) or rating, for either partner; the result
as a profile across all five; and the two of you side by side.

One screen (``screen.py``) switches between four views, each a widget of its own with its
own keys: the start (``start.py``), a question (``question.py``), a result
(``results.py``) and Compare (``compare.py``). The answers so far are saved on every
answer, so leaving, switching screens or closing the app loses nothing; the start offers to
resume.
"""

from micromance_tui.tui.screens.quiz.screen import QuizScreen

__all__ = ["QuizScreen"]
