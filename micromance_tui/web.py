"""`micromance serve`: the app in a web browser, through textual-serve.

textual-serve runs one app process per browser tab (its websocket handler spawns the
command and relays the screen). This module adds what micromance needs around it:

- the folders: the server resolves them once (flags, environment, profile) and hands them to
  each app process through the environment, so a tab reads and writes the same journal as
  ``micromance`` in a terminal with the same options;
- the gate: an aiohttp middleware that answers 403, before any handler runs (so before an app
  process is spawned), to a request without the right token, to a websocket opened by another
  site's page, and, when no token is in use, to a request naming a host that is not this
  machine (DNS rebinding).

textual-serve and aiohttp are imported only when ``serve`` runs: they are an optional extra.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import ipaddress
import os
import re
import secrets
import shlex
import signal
import socket
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import Clock
from micromance_tui.core.paths import Paths
from micromance_tui.core.record import record
from micromance_tui.exitcodes import EXIT_USAGE, CliError

if TYPE_CHECKING:
    import argparse

    from aiohttp import web

INSTALL_HINT = 'micromance serve needs textual-serve: pip install "micromance[web]"'
TOKEN_RULE = "8 to 128 letters, digits, '-' or '_'"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,128}")
_WILDCARD_HOSTS = {"0.0.0.0", "::", ""}

if TYPE_CHECKING:
    from aiohttp.typedefs import Handler, Middleware


def is_loopback(host: str) -> bool:
    """True for a name or address that only this machine can reach."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_token(token: str) -> str:
    """`token` if it can go in an address as it is, else ValueError (one line)."""
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"--token: a token is {TOKEN_RULE} (it goes in the address as it is)")
    return token


def new_token() -> str:
    return secrets.token_urlsafe(16)


def _host_name(host_header: str) -> str:
    """The host part of a Host or Origin value (`[::1]:8000` -> `::1`)."""
    value = host_header.split("://", 1)[-1].split("/", 1)[0]
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


@record
class Gate:
    """Who may use the server. `token` None: loopback only, no token asked."""

    token: str | None

    @property
    def cookie_name(self) -> str:
        # Named after the token, so two servers on one machine do not overwrite each other's.
        digest = hashlib.sha256((self.token or "").encode()).hexdigest()[:12]
        return f"micromance_{digest}"

    def token_matches(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def refusal(self, request: web.Request) -> str | None:
        """Why `request` is refused, or None when it may go on."""
        host = request.host
        origin = request.headers.get("Origin")
        upgrade = request.headers.get("Upgrade", "").lower()
        # Browsers let any page open a websocket anywhere, and always say where from.
        if (
            upgrade == "websocket"
            and origin is not None
            and origin.split("://", 1)[-1].rstrip("/").lower() != host.lower()
        ):
            return f"websocket opened from another site ({origin})"
        if self.token is None:
            if not is_loopback(_host_name(host)):
                return f"host {host!r} is not this machine"
            return None
        if self.token_matches(request.query.get("token")):
            return None
        if self.token_matches(request.cookies.get(self.cookie_name)):
            return None
        return "no token or a wrong one"

    def middleware(self) -> Middleware:
        from aiohttp import web

        @web.middleware
        async def gate(request: web.Request, handler: Handler) -> web.StreamResponse:
            reason = self.refusal(request)
            if reason is not None:
                peer = request.remote or "?"
                print(
                    f"micromance: refused {request.method} {request.path} from {peer}: {reason}",
                    file=sys.stderr,
                    flush=True,
                )
                return web.Response(status=403, text="403 Forbidden: ask for the full address.\n")
            response = await handler(request)
            given = request.query.get("token")
            if self.token is not None and given is not None and not response.prepared:
                # The page's scripts, styles and websocket come without the query: a cookie
                # for this host only, out of reach of scripts and of other sites, carries it.
                response.set_cookie(
                    self.cookie_name, given, httponly=True, samesite="Strict", path="/"
                )
            return response

        return gate


def _reachable_host(host: str) -> str:
    """The address to print for `host`: for a wildcard, this machine's address on the LAN."""
    if host not in _WILDCARD_HOSTS:
        return f"[{host}]" if ":" in host else host
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
            address: str = probe.getsockname()[0]
            return address
    except OSError:
        return socket.gethostname()


def app_command(args: argparse.Namespace) -> str:
    """The command each browser tab runs: the bare app, on the folders set in the env."""
    parts = [sys.executable, "-m", "micromance_tui"]
    if getattr(args, "theme", None):
        parts += ["--theme", args.theme]
    return shlex.join(parts)


def child_environment(paths: Paths) -> dict[str, str]:
    """Environment entries that make every app process use exactly `paths`."""
    return {
        paths_mod.DATA_ENV: str(paths.data_dir.resolve()),
        paths_mod.CONFIG_ENV: str(paths.config_dir.resolve()),
        paths_mod.CACHE_ENV: str(paths.cache_dir.resolve()),
    }


def make_server_class() -> type:
    """The textual-serve Server subclass (built here: textual-serve is imported lazily)."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.server import Server, to_int

    class MicromanceServer(Server):
        """textual-serve's Server, behind the gate, with addresses taken from each request."""

        def __init__(self, command: str, host: str, port: int, gate: Gate) -> None:
            super().__init__(command, host=host, port=port, title="micromance")
            self.gate = gate

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            """textual-serve's page, with the websocket address of the host the browser used.

            The stock page points at one fixed public address; the browser may reach this
            server by another name (a phone uses the LAN address), and the token cookie is
            only sent to the host that set it.
            """
            scheme = request.headers.get("X-Forwarded-Proto", request.scheme)
            ws_scheme = "wss" if scheme == "https" else "ws"
            ws_path = request.app.router["websocket"].url_for()
            context = {
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": f"{ws_scheme}://{request.host}{ws_path}",
                "config": {"static": {"url": "/static/"}},
                "application": {"name": self.title},
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        def build_app(self) -> web.Application:
            """The aiohttp app: textual-serve's routes and handlers, behind the gate.

            Built from the Server's public handlers and folders rather than its private
            ``_make_app``, because aiohttp takes middlewares only before the app starts and
            textual-serve offers no hook there. Every route, static files included, passes
            the gate.
            """
            app = web.Application(middlewares=[self.gate.middleware()])
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, name="static"),
                ]
            )
            return app

        async def run(self, announce: Callable[[int], None]) -> None:
            """Listen until SIGINT or SIGTERM; `announce` gets the port actually bound."""
            runner = web.AppRunner(self.build_app(), shutdown_timeout=3.0)
            await runner.setup()
            try:
                site = web.TCPSite(runner, self.host or None, self.port)
                await site.start()
                port = int(runner.addresses[0][1])
                announce(port)
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGINT, signal.SIGTERM):
                    with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows
                        loop.add_signal_handler(sig, stop.set)
                await stop.wait()
            finally:
                await runner.cleanup()

    return MicromanceServer


def cmd_serve(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        raise CliError(INSTALL_HINT) from None
    host: str = args.host
    if not 0 <= args.port <= 65535:
        raise CliError(f"--port {args.port}: a port is 0 to 65535", EXIT_USAGE)
    try:
        token = check_token(args.token) if args.token is not None else None
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    if token is None and not is_loopback(host):
        token = new_token()
    os.environ.update(child_environment(paths))
    server = make_server_class()(app_command(args), host, args.port, Gate(token))

    def announce(port: int) -> None:
        query = f"?token={token}" if token else ""
        print(f"micromance in a browser: open http://{_reachable_host(host)}:{port}/{query}")
        print(f"Journal: {paths.journal_file}. Ctrl+C stops.", flush=True)

    try:
        asyncio.run(server.run(announce))
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{args.port}: {exc.strerror or exc}") from None
    except KeyboardInterrupt:
        pass
    return 0
