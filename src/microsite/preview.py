"""The `mkdocs serve` preview as an editor meets it: where to open it, and a taken port explained."""

from __future__ import annotations

import socket


def preview_address(host: str, port: int) -> str:
    """The address to type in a browser: a server on every interface is reached here on 127.0.0.1."""
    if host in ("0.0.0.0", "::", ""):
        return (
            f"Preview running: open http://127.0.0.1:{port}/ in your browser "
            f"(from another device: this computer's address, port {port}); stop it with Ctrl+C."
        )
    return f"Preview running: open http://{host}:{port}/ in your browser; stop it with Ctrl+C."


def port_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen on host:port, in words, or None when it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind((host, port))
        except PermissionError:
            return f"the preview may not use port {port} here: choose one above 1024, e.g. make serve PORT=8001"
        except OSError as err:
            if err.errno == 98 or "in use" in str(err):
                return (
                    f"port {port} is already in use (another preview or program is running there): stop it, "
                    f"or choose another port, e.g. make serve PORT={port + 1}"
                )
            reason = err.strerror or "no such address"
            return f"the preview cannot listen on {host}:{port} ({reason}): check HOST, e.g. make serve HOST=127.0.0.1"
    return None
