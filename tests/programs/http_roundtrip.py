"""http.server in a thread, fetched with urllib: the usual shape of a test fixture."""

import http.server
import signal
import threading
import urllib.request

signal.alarm(20)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def main():
    server = Server(("", 0), Handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://localhost:{port}/", timeout=10) as response:
            body = response.read()
    finally:
        server.shutdown()
        server.server_close()
    assert body == b"hello", body
    print("OK")


if __name__ == "__main__":
    main()
