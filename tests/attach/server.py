#!/usr/bin/env python3
"""server.py ROOT PORTFILE LOGFILE - a local web site for tests/attach/run.sh.

Serves the files under ROOT on 127.0.0.1 at a free port, written to
PORTFILE; each request is logged to LOGFILE as "<method> <path> <status>".
Paths missing under ROOT answer 404 (an attachment that is gone)."""
import os
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


def main():
    root, portfile, logfile = sys.argv[1:4]
    log = open(logfile, "a", buffering=1)

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def log_request(self, code="-", size="-"):
            log.write("%s %s %s\n" % (self.command, self.path, code))

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    tmp = portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, portfile)
    server.serve_forever()


if __name__ == "__main__":
    main()
