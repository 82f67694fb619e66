#!/usr/bin/python3
"""Writes docs/man/tertulia.1 and docs/man/tertulia-server.1 from the programs' own --help (the
OPTIONS section) and the few paragraphs below. Run after changing an option; the packaging test
fails while a page and --help disagree.
    /usr/bin/python3 scripts/write-man-pages.py build
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "tertulia-server": dict(
        summary="host a Tertulia chat room, headless",
        description=(
            "tertulia-server hosts one chat room: a page that browsers on the network open, and a "
            "WebSocket chat on the same port, with the room's history in SQLite. It links no "
            "graphical libraries. Installed from the package it runs as the systemd service "
            "tertulia-server.service, with its options in /etc/default/tertulia-server."),
        files=[("/var/lib/tertulia-server/tertulia.sqlite",
                "the room's history when run by systemd (StateDirectory)"),
               ("/etc/default/tertulia-server",
                "TERTULIA_OPTIONS and TERTULIA_PASSWORD for the service")]),
    "tertulia": dict(
        summary="host a chat room from your desktop, or join one",
        description=(
            "tertulia hosts a chat room and opens a window joined to it, showing the address to "
            "share: anyone on the network joins from a browser. With --join it is the window "
            "alone, joined to a room hosted elsewhere."),
        files=[("~/.local/share/Tertulia/tertulia/tertulia.sqlite", "the room's history")]),
}

COMMON = r""".SH ENVIRONMENT
.TP
.B TERTULIA_PASSWORD
the room's password, instead of \-\-password (which ps shows to everyone)
.TP
.B TERTULIA_IO_URING
0: each connection sends by itself instead of the pass's sends going to the kernel in one
io_uring submission (which is used wherever the kernel allows it)
.SH SIGNALS
SIGINT and SIGTERM end the room: every member is told and closed with 1001, then the program
exits 0. SIGHUP closes every connection with 1012 (restarting): members come back by themselves
once a host is up again.
.SH EXIT STATUS
0 after a normal quit, 1 when the host cannot start (port taken, history unusable, Redis
unreachable), 2 for a bad option.
"""


def options_of(executable):
    """(flags, value name, text) for each option --help lists, in its order."""
    text = subprocess.run([executable, "--help"], capture_output=True, text=True,
                          env={"LANG": "C", "PATH": "/usr/bin:/bin"}).stdout
    options = []
    for line in text.splitlines():
        match = re.match(r"^  (-\S+(?:, --\S+)?)(?: <([^>]+)>)?\s{2,}(.*)$", line)
        if match:
            options.append([match.group(1), match.group(2), match.group(3)])
        elif options and line.startswith(" " * 28):
            options[-1][2] += " " + line.strip()
    return options


def roff(text):
    return text.replace("\\", "\\\\").replace("-", "\\-")


def page(name, executable):
    info = PAGES[name]
    lines = [f'.TH {name.upper()} 1 "" "Tertulia" "User Commands"', ".SH NAME",
             f"{name} \\- {info['summary']}", ".SH SYNOPSIS", f".B {name}", "[\\fIoptions\\fR]",
             ".SH DESCRIPTION", roff(info["description"]), ".SH OPTIONS"]
    for flags, value, text in options_of(executable):
        lines += [".TP", f"\\fB{roff(flags)}\\fR" + (f" \\fI{value}\\fR" if value else ""),
                  roff(text)]
    lines.append(COMMON.rstrip())
    lines.append(".SH FILES")
    for path, what in info["files"]:
        lines += [".TP", f".I {path}", roff(what)]
    lines += [".SH SEE ALSO", "README.md in the source, docs/PROTOCOL.md for the wire protocol."]
    return "\n".join(lines) + "\n"


def main():
    build = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build")
    for name in PAGES:
        (ROOT / "docs" / "man" / f"{name}.1").write_text(page(name, build / "app" / name))


if __name__ == "__main__":
    main()
