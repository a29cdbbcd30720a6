"""``dateline serve``: the web UI and HTTP API over a store (needs the ``web`` extra)."""

from __future__ import annotations

import click

from dateline.cli.base import cli, db_option, handle_errors
from dateline.errors import UsageError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="DATELINE_TOKEN",
    default=None,
    help="Allow writes (POST /api/ingest) with this bearer token; default $DATELINE_TOKEN. "
    "Prefer the environment variable: a command-line token shows in the process list.",
)
@click.option("--quiet", "-q", is_flag=True, help="No access log.")
@handle_errors
def serve(db: str, host: str, port: int, token: str | None, quiet: bool) -> None:
    """Serve the web UI and HTTP API for a store (read-only unless a token is set).

    Pages: search, articles, events, actors, quotes, network, map, analyze. The API is
    under /api (OpenAPI at /api/openapi.json, a readable list at /api/docs).
    """
    try:
        import uvicorn

        from dateline.web import create_app
    except ImportError as exc:
        raise UsageError(
            f"the web server needs the web extra ({exc.name} is missing): "
            "pip install 'dateline[web]'"
        ) from None
    # On the loopback, only loopback Host names: no DNS-rebinding page can read the server.
    loopback = host in LOOPBACK
    app = create_app(db, token=token, allowed_hosts=LOOPBACK if loopback else None)
    if port == 0:
        # "any free port": choose it here, so the line below (the only one under --quiet)
        # names the port the server listens on, not 0
        port = _free_port(host)
    mode = "writes need the token" if token else "read-only"
    click.echo(f"dateline serving {db} at http://{host}:{port}/ ({mode})", err=True)
    if not loopback:
        click.echo(
            "warning: listening beyond this machine; put TLS in front of it (a reverse proxy)",
            err=True,
        )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning" if quiet else "info",
        access_log=not quiet,
        server_header=False,
        proxy_headers=False,
    )


def _free_port(host: str) -> int:
    import socket

    family = socket.getaddrinfo(host, 0, type=socket.SOCK_STREAM)[0][0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])
