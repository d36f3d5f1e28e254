#!/usr/bin/env python3
"""A webhook receiver for the reminders benchmark: answers every POST with
204 and counts deliveries and distinct webhook-id headers. Sending SIGUSR1
(or reading the file given as the second argument after SIGUSR1) reports
`total unique first_at last_at`.

    bench/receiver.py PORT REPORT_FILE
"""
import asyncio
import signal
import sys
import time

total = 0
seen = set()
first_at = None
last_at = None


async def handle(reader, writer):
    global total, first_at, last_at
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            message_id = None
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value.strip())
                elif name == b"webhook-id":
                    message_id = value.strip()
            if length:
                await reader.readexactly(length)
            now = time.monotonic()
            total += 1
            first_at = first_at or now
            last_at = now
            if message_id is not None:
                seen.add(message_id)
            writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def report(path):
    with open(path, "w") as out:
        out.write(f"{total} {len(seen)} {first_at or 0} {last_at or 0}\n")


async def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, report, path)
    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
