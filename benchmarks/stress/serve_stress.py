#!/usr/bin/env python3
"""Hostile traffic against `adjoint serve`, on 127.0.0.1 only, bounded in count and time.

Starts bin/adjoint serve on a free port, then, while 10 connections drip their request heads a
byte at a time and 2 requests ask for work far over the page's budget, sends 50 normal requests
and prints their latency (median and max), the server's resident memory before and after, and how
long the over-budget requests took to be refused. Stops the server when done. Build first:
    ./mvnw -B -q package -DskipTests -pl cli -am
Run:
    python3 benchmarks/stress/serve_stress.py
"""
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def get(port, target, timeout=20):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(("GET %s HTTP/1.1\r\nHost: localhost:%d\r\n\r\n" % (target, port)).encode())
        chunks = []
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks).decode("utf-8", "replace")


def drip(port, stop):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            for c in b"GET / HTTP/1.1\r\nHost: localhost\r\n":
                if stop.is_set():
                    return
                s.sendall(bytes([c]))
                time.sleep(0.5)
    except OSError:
        pass  # the server cut the head at its deadline


def main():
    port = free_port()
    server = subprocess.Popen([os.path.join(ROOT, "bin", "adjoint"), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                get(port, "/?expr=x&at=x=1", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("serve did not start")
        for i in range(20):
            get(port, "/?expr=x%%5E2&at=x=%d" % i)
        before = rss_mb(server.pid)
        stop = threading.Event()
        drips = [threading.Thread(target=drip, args=(port, stop)) for _ in range(10)]
        refusals = []

        def heavy():
            t = time.monotonic()
            r = get(port, "/?expr=sum(broadcast(x,30000,30000))&at=x=1")
            refusals.append((time.monotonic() - t, "the page's budget" in r))

        heavies = [threading.Thread(target=heavy) for _ in range(2)]
        for t in drips + heavies:
            t.start()
        latencies = []
        wrong = 0
        for i in range(50):
            t = time.monotonic()
            r = get(port, "/?expr=x%%5E2&at=x=%d" % i)
            latencies.append(time.monotonic() - t)
            wrong += '<output id="value">%s</output>' % repr(float(i * i)) not in r
        for t in heavies:
            t.join(30)
        stop.set()
        for t in drips:
            t.join(30)
        after = rss_mb(server.pid)
        print("50 normal requests beside 10 dripping connections and 2 over-budget requests:")
        print("  latency median %.1f ms, max %.1f ms; %d wrong answers" % (
            1000 * statistics.median(latencies), 1000 * max(latencies), wrong))
        for seconds, refused in refusals:
            print("  over-budget request %s in %.1f ms" % ("refused" if refused else "NOT refused", 1000 * seconds))
        print("  resident memory %.0f MB before, %.0f MB after" % (before, after))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
