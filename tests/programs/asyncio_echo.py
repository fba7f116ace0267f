"""asyncio echo server and client on the loopback address."""

import asyncio
import signal

signal.alarm(20)

HOST = "127.0.0.1"


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, HOST, 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 10)
        writer.write(b"ping\n")
        reply = await asyncio.wait_for(reader.readline(), 10)
        writer.close()
    assert reply == b"PING\n", reply
    print("OK")


if __name__ == "__main__":
    asyncio.run(main())
