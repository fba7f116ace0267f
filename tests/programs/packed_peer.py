"""A server that keeps its peers' addresses packed (as a connection log would) and prints
them back. The server and client themselves are family-neutral; only the packing is not."""

import signal
import socket
import threading

signal.alarm(20)

seen = []


def serve_once(server):
    conn, peer = server.accept()
    with conn:
        packed = socket.inet_aton(peer[0])
        seen.append(packed)
        conn.sendall(b"hi")


def main():
    dualstack = socket.has_dualstack_ipv6()
    family = socket.AF_INET6 if dualstack else socket.AF_INET
    server = socket.create_server(("", 0), family=family, dualstack_ipv6=dualstack)
    server.settimeout(10)
    port = server.getsockname()[1]
    worker = threading.Thread(target=serve_once, args=(server,), daemon=True)
    worker.start()
    with socket.create_connection(("localhost", port), timeout=10) as client:
        assert client.recv(16) == b"hi"
    worker.join(10)
    server.close()
    assert len(seen) == 1, seen
    print("peer", socket.inet_ntoa(seen[0]))
    print("OK")


if __name__ == "__main__":
    main()
