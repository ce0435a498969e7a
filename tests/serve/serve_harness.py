"""Starting `faultline serve` for tests: ingest a corpus into a temporary store, start the
server on a free port (--port 0), read the URL it prints, and stop it at the end."""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


def ingest(binary, corpus, db):
    subprocess.run([binary, "ingest", "-q", "--db", db, corpus], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Server:
    def __init__(self, binary, db, *extra):
        self.proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()  # "Faultline is serving DB at http://127.0.0.1:PORT/"
        if "http://" not in line:
            err = self.proc.stderr.read() if self.proc.poll() is not None else ""
            raise RuntimeError(f"the server did not start: {line!r} {err}")
        self.url = line.strip().split(" at ")[-1].rstrip("/")
        self.host, self.port = self.url.split("//")[1].split(":")
        self.port = int(self.port)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def get(url, timeout=30):
    """GET a URL: (status, headers, body bytes), HTTP errors included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get_json(url):
    status, headers, body = get(url)
    return status, json.loads(body)
