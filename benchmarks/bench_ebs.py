"""serve-ebs under load and under abuse (docs/benchmarks.md, "Tail consumer, replay
and mock EBS").

A real ``mgm-contract serve-ebs`` process on loopback:

(1) Load: ``--connections`` keep-alive clients (asyncio, raw sockets, spread over
``--processes`` client processes so that the client is not the limit) send requests back
to back for ``--seconds`` per round, ``--rounds`` rounds: a mix
of ``GET /api/payouts/pending``, ``GET /api/roulette/state`` and ``PATCH .../status`` (409
after the first). Printed per round: requests/s, errors (anything but the expected
status), the server's RSS. Goal: >= 2,000 req/s, 0 errors, RSS flat across rounds.
Baseline in the same run: the same client against a minimal asyncio server that answers
every request with a fixed 200 (the client's and the loopback's own ceiling).

(2) Abuse: 20 requests announcing 50 MB bodies (413 before the body is read), 20 sending
chunked bodies past the limit, and 200 connections that send half a header and stall (cut
after the header timeout); the server's RSS after each.

Run: ``python benchmarks/bench_ebs.py [--seconds S] [--rounds R] [--connections C]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

KEY = "bench-ebs-key"
CLI = [sys.executable, "-c", "from mgm_addon_contract.cli import main; main()"]
PAYOUT = "2d2b7b2a-1111-2222-3333-444444444444"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def requests() -> list[tuple[bytes, tuple[int, ...]]]:
    key = KEY.encode()
    body = b'{"status":"Sent"}'
    return [
        (b"GET /api/payouts/pending HTTP/1.1\r\nHost: x\r\nX-MGM-ApiKey: " + key
         + b"\r\n\r\n", (200,)),
        (b"GET /api/roulette/state HTTP/1.1\r\nHost: x\r\nX-MGM-ApiKey: " + key
         + b"\r\n\r\n", (200,)),
        (f"PATCH /api/payouts/{PAYOUT}/status HTTP/1.1\r\nHost: x\r\nX-MGM-ApiKey: ".encode()
         + key + b"\r\nContent-Type: application/json\r\nContent-Length: "
         + str(len(body)).encode() + b"\r\n\r\n" + body, (200, 409)),
    ]


async def _client(port: int, stop: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    mix = requests()
    i = 0
    try:
        while time.monotonic() < stop:
            request, wanted = mix[i % len(mix)]
            i += 1
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length"))
            await reader.readexactly(length)
            status = int(head.split(b" ", 2)[1])
            counts[0 if status in wanted else 1] += 1
    except (ConnectionError, asyncio.IncompleteReadError):
        counts[1] += 1
    writer.close()


async def _clients(port: int, stop: float, connections: int) -> list[int]:
    counts = [0, 0]
    await asyncio.gather(*(_client(port, stop, counts) for _ in range(connections)))
    return counts


def _client_process(args: tuple[int, float, int]) -> list[int]:
    return asyncio.run(_clients(*args))


def load(port: int, seconds: float, connections: int, processes: int) -> tuple[float, int]:
    """Requests/s (expected answers) and errors from ``processes`` client processes."""
    started = time.monotonic()
    stop = started + seconds
    share = max(connections // processes, 1)
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(_client_process, [(port, stop, share)] * processes)
    elapsed = time.monotonic() - started
    return sum(r[0] for r in results) / elapsed, sum(r[1] for r in results)


async def _baseline_server() -> tuple[asyncio.AbstractServer, int]:
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length")), 0)
                if length:
                    await reader.readexactly(length)
                writer.write(answer)
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


def _baseline_process(port_holder: multiprocessing.Queue, stop: multiprocessing.Event
                      ) -> None:  # type: ignore[valid-type]
    async def run() -> None:
        server, port = await _baseline_server()
        port_holder.put(port)
        while not stop.is_set():
            await asyncio.sleep(0.1)
        server.close()

    asyncio.run(run())


def baseline(seconds: float, connections: int, processes: int) -> float:
    """The same clients against a bare asyncio server (its own process) answering 200."""
    ports: multiprocessing.Queue = multiprocessing.Queue()
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=_baseline_process, args=(ports, stop))
    server.start()
    try:
        rate, _ = load(ports.get(timeout=30), seconds, connections, processes)
    finally:
        stop.set()
        server.join(timeout=10)
    return rate


async def abuse(port: int, pid: int) -> None:
    async def big_announced() -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /api/roulette/verify-candidate HTTP/1.1\r\nHost: x\r\n"
                     b"X-MGM-ApiKey: " + KEY.encode() + b"\r\nContent-Length: 52428800\r\n\r\n"
                     + b"x" * 65536)
        head = await reader.readuntil(b"\r\n\r\n")
        writer.close()
        return head.split(b" ", 2)[1]

    async def big_chunked() -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /api/roulette/verify-candidate HTTP/1.1\r\nHost: x\r\nX-MGM-ApiKey: "
                     + KEY.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n" % 65536 + b"y" * 65536 + b"\r\n"
        try:
            for _ in range(40):
                writer.write(chunk)
                await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        except (ConnectionError, asyncio.IncompleteReadError):
            return b"closed"
        finally:
            writer.close()
        return head.split(b" ", 2)[1]

    statuses = await asyncio.gather(*(big_announced() for _ in range(20)))
    print(f"  20 x 50 MB announced bodies: {sorted(set(statuses))}, RSS {rss_mb(pid):.0f} MB")
    statuses = await asyncio.gather(*(big_chunked() for _ in range(20)))
    print(f"  20 x 2.5 MB chunked bodies:  {sorted(set(statuses))}, RSS {rss_mb(pid):.0f} MB")
    started = time.monotonic()

    async def stall() -> float:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /api/payouts/pending HTTP/1.1\r\nHost: x\r\n")
        await reader.read()  # returns when the server closes the connection
        writer.close()
        return time.monotonic() - started

    closed = await asyncio.gather(*(stall() for _ in range(200)))
    print(f"  200 stalled headers: all cut after {min(closed):.1f}-{max(closed):.1f} s, "
          f"RSS {rss_mb(pid):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--processes", type=int, default=2, help="client processes")
    options = parser.parse_args()
    state = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-ebs-{os.getpid()}.json"
    state.write_text(json.dumps({"payouts": [{"id": PAYOUT, "characterName": "Norinn",
                                              "status": "InProgress"}]}))
    server = subprocess.Popen([*CLI, "serve-ebs", "--port", "0", "--state", str(state),
                               "--header-timeout", "2"], stdout=subprocess.PIPE,
                              env={**os.environ, "MGM_API_KEY": KEY})
    try:
        first = server.stdout.readline().decode()  # type: ignore[union-attr]
        port = int(first.split("http://127.0.0.1:", 1)[1].split(" ", 1)[0])
        print(f"serve-ebs RSS at start {rss_mb(server.pid):.0f} MB; "
              f"{options.connections} keep-alive connections from {options.processes} client "
              "processes")
        floor = baseline(options.seconds, options.connections, options.processes)
        print(f"  baseline (fixed 200 from a bare asyncio server): {floor:,.0f} req/s")
        for round_number in range(1, options.rounds + 1):
            rate, errors = load(port, options.seconds, options.connections,
                                options.processes)
            print(f"  round {round_number}: {rate:,.0f} req/s ({rate / floor:.2f}x the "
                  f"baseline), {errors} errors, RSS {rss_mb(server.pid):.0f} MB")
        asyncio.run(abuse(port, server.pid))
    finally:
        server.terminate()
        server.wait()
        state.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
