"""The plain-HTTP baseline for uploads: Python's http.server taking a POST or PUT body and
writing it to disk in 1 MiB reads — what a quick script would do. Not Tertulia's protocol."""

import http.server
import sys
import tempfile


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        remaining = int(self.headers.get("Content-Length", 0))
        with tempfile.TemporaryFile(dir=sys.argv[2]) as out:
            while remaining > 0:
                block = self.rfile.read(min(remaining, 1 << 20))
                if not block:
                    break
                out.write(block)
                remaining -= len(block)
        self.send_response(201 if remaining == 0 else 400)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
