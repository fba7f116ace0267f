"""Echo server and client in one process on raw sockets: the server listens on every
address of this host, the client connects to localhost."""

import signal
import socket
import threading

signal.alarm(20)  # never hang the test suite


def serve_once(server):
    conn, _ = server.accept()
    with conn:
        conn.settimeout(10)
        conn.sendall(conn.recv(1024).upper())


def main():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", 0))
    server.listen(5)
    server.settimeout(10)
    port = server.getsockname()[1]
    worker = threading.Thread(target=serve_once, args=(server,), daemon=True)
    worker.start()

    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect(("localhost", port))
    client.settimeout(10)
    client.sendall(b"ping")
    reply = client.recv(1024)
    client.close()
    worker.join(10)
    server.close()
    assert reply == b"PING", reply
    print("OK")


if __name__ == "__main__":
    main()
