"""Vote broadcasting: the coalescing tick against one broadcast per vote, measured in the same run.

    python benchmarks/vote_broadcast.py [--phones 50] [--votes 500]

For each design, a real server (run.py, gevent) is started on a free port with the same data:
N phones join over HTTP and hold a Socket.IO connection (WebSocket); the phones then cast V votes
over HTTP from 8 threads. Printed: the server's CPU seconds during the voting, votes per second,
and Socket.IO messages each phone received. The per-vote design is the baseline.

The phones' Socket.IO clients run as threads of this one Python process, so beyond ~50 phones the
per-vote baseline floods the benchmark's own client faster than it can read; the figures then measure
the client, not the server. Keep the phone count modest, or spread clients over processes.
"""
import argparse
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import socketio  # noqa: E402

from youth_app import create_app  # noqa: E402
from youth_app.db import init_db  # noqa: E402
from youth_app.services import events, ideas, participants, prompts, users  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(database, ideas_count=20):
    """An event with one open question and approved ideas, written through the services."""
    app = create_app({"DATABASE": database, "SECRET_KEY": "bench", "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    with app.app_context():
        init_db()
        uid = users.create_user("bench@example.org", "bench password 1", "facilitator")
        event = events.create_event(uid, "Bench", "2026-11-12", schools=["A", "B"])
        prompt = prompts.add_prompt(event["id"], "issues", "Warning signs?")
        prompts.set_prompt_open(event["id"], prompt["id"], True)
        event = events.get_event(event["id"])
        ids = []
        for n in range(ideas_count):
            author = participants.join(event, events.schools_of(event["id"])[0]["id"])
            ids.append(ideas.submit_idea(event, author, prompt["id"], f"Sample idea number {n}")["id"])
            ideas.moderate(event["id"], ids[-1], "approve")
        return event["code"], ids


def cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Phone:
    def __init__(self, base, code):
        self.base, self.code, self.received = base, code, 0
        self.jar = http.cookiejar.CookieJar()
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        html = self.http.open(f"{base}/j/{code}").read().decode()
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
        school = re.findall(r'<option value="(\d+)"', html)[0]
        self.post(f"/j/{code}", {"school": school})
        self.sock = socketio.Client(reconnection=False)
        self.sock.on("counts", self.count)
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        self.sock.connect(base, transports=["websocket"], headers={"Cookie": cookie},
                          auth={"event": code, "view": "pupil"}, wait_timeout=10)

    def count(self, _payload):
        self.received += 1

    def post(self, path, data):
        body = urllib.parse.urlencode(dict(data, csrf_token=self.csrf)).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Accept": "application/json"})
        with self.http.open(request) as response:
            return response.status

    def vote(self, idea_id):
        return self.post(f"/e/{self.code}/ideas/{idea_id}/vote", {"action": "vote"})


def run(design, phones_count, votes_count):
    with tempfile.TemporaryDirectory() as tmp:
        database = os.path.join(tmp, "bench.sqlite")
        code, idea_ids = prepare(database)
        port = free_port()
        env = dict(os.environ, ASYNC_MODE="gevent", PORT=str(port), YOUTH_VOICE_DATABASE=database,
                   YOUTH_VOICE_COALESCE_VOTES="1" if design == "tick" else "0")
        server = subprocess.Popen([sys.executable, str(ROOT / "run.py")], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            phones = [Phone(base, code) for _ in range(phones_count)]
            plan = [(phones[i % phones_count], idea_ids[(i // phones_count) % len(idea_ids)])
                    for i in range(min(votes_count, phones_count * len(idea_ids)))]
            cpu0, t0 = cpu_seconds(server.pid), time.perf_counter()
            with ThreadPoolExecutor(8) as pool:
                statuses = list(pool.map(lambda pv: pv[0].vote(pv[1]), plan))
            elapsed = time.perf_counter() - t0
            time.sleep(1.5)  # let the last ticks arrive
            cpu = cpu_seconds(server.pid) - cpu0
            received = sum(p.received for p in phones) / phones_count
            for phone in phones:
                try:
                    phone.sock.disconnect()
                except Exception:  # a flooded client may already be gone; the figures are taken
                    pass
            assert statuses.count(200) == len(plan), "every vote must be accepted"
            return {"design": design, "votes": len(plan), "seconds": elapsed, "votes_per_s": len(plan) / elapsed,
                    "server_cpu_s": cpu, "msgs_per_phone": received}
        finally:
            server.terminate()
            server.wait(10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=50)
    parser.add_argument("--votes", type=int, default=500)
    args = parser.parse_args()
    results = [run(design, args.phones, args.votes) for design in ("per-vote", "tick")]
    print(f"{args.phones} phones connected over WebSocket; votes cast over HTTP from 8 threads")
    print(f"{'design':10} {'votes':>6} {'votes/s':>9} {'server CPU s':>13} {'msgs/phone':>11}")
    for r in results:
        print(f"{r['design']:10} {r['votes']:6d} {r['votes_per_s']:9.1f} {r['server_cpu_s']:13.2f} {r['msgs_per_phone']:11.1f}")
    base, tick = results
    print(f"tick vs per-vote baseline: {base['server_cpu_s'] / max(tick['server_cpu_s'], 1e-9):.1f}x less server CPU, "
          f"{base['msgs_per_phone'] / max(tick['msgs_per_phone'], 1e-9):.0f}x fewer messages per phone")


if __name__ == "__main__":
    main()
