"""The one way a screen, widget or palette provider reaches the running app with its type:
``self.mm``, from the :class:`AppAccess` mixin.

Textual types ``self.app`` as a plain ``App``; ``mm`` is the same object typed as
:class:`~micromance_tui.tui.app.MicromanceApp`, so its journal, library and shared actions
are checked by mypy. The app module is imported for the type only (never at run time): the
app imports the screens, so a screen importing the app would close a cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from micromance_tui.tui.app import MicromanceApp


class _HasApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


class AppAccess:
    """Mix into a Textual node or command provider, before its Textual base class."""

    @property
    def mm(self: _HasApp) -> MicromanceApp:
        """The running app, typed."""
        return cast("MicromanceApp", self.app)
