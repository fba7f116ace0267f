"""A service writes its endpoint as "host:port" into the environment; a client reads the
setting back and connects, as a service registry or a .env file would."""

import os
import signal
import socket
import threading

signal.alarm(20)


def serve_once(server):
    conn, _ = server.accept()
    with conn:
        conn.sendall(b"pong")


def start_server():
    # Family-neutral: listen on the first address "localhost" has on this host.
    family, kind, proto, _, address = socket.getaddrinfo("localhost", 0, type=socket.SOCK_STREAM)[0]
    server = socket.socket(family, kind, proto)
    server.bind(address)
    server.listen(1)
    server.settimeout(10)
    host, port = server.getsockname()[:2]
    os.environ["ECHO_ENDPOINT"] = "%s:%d" % (host, port)
    threading.Thread(target=serve_once, args=(server,), daemon=True).start()
    return server


def main():
    server = start_server()
    endpoint = os.environ["ECHO_ENDPOINT"]
    host, port = endpoint.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as client:
        reply = client.recv(16)
    server.close()
    assert reply == b"pong", reply
    print("OK")


if __name__ == "__main__":
    main()
