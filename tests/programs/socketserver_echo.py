"""A socketserver echo service with its client, in one process."""

import signal
import socket
import socketserver
import threading

signal.alarm(20)


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.readline().upper())


class EchoServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    with EchoServer(("", 0), EchoHandler) as server:
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with socket.create_connection(("localhost", port), timeout=10) as client:
            client.sendall(b"ping\n")
            reply = client.makefile("rb").readline()
        server.shutdown()
    assert reply == b"PING\n", reply
    print("OK")


if __name__ == "__main__":
    main()
