#!/usr/bin/env python3
"""Opens the web map in headless Chromium (driven through chromedriver's W3C REST API, with WebMapBrowserTest's
flags and a fresh profile) and prints when the first view became interactive (window.borderlineReadyMs, from
navigation start) and, with -v, each request's timing: when the page issued it, when it was sent (the browser
holds six connections to the service), the first byte, the last byte, the bytes.
Usage: scripts/first-view.py [http://127.0.0.1:7381] [-v]   (needs chromium, chromedriver, python3-requests)"""
import json, subprocess, sys, time, socket, tempfile, requests

base = next((a for a in sys.argv[1:] if not a.startswith("-")), "http://127.0.0.1:7381")
verbose = "-v" in sys.argv
def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p
port = free_port()
drv = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wd = f"http://127.0.0.1:{port}"
for _ in range(100):
    try:
        requests.get(wd + "/status", timeout=1); break
    except Exception: time.sleep(0.1)
profile = tempfile.mkdtemp()
caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium",
    "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-quic", f"--user-data-dir={profile}",
             "--window-size=1440,1000", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US"]}}}}
try:
    sid = requests.post(wd + "/session", json=caps).json()["value"]["sessionId"]
    s = f"{wd}/session/{sid}"
    ex = lambda script: requests.post(s + "/execute/sync", json={"script": script, "args": []}).json()["value"]
    requests.post(s + "/url", json={"url": base + "/"})
    t0 = time.time()
    while not ex("return document.documentElement.dataset.ready") and time.time() - t0 < 120: time.sleep(0.05)
    ready = ex("return [document.documentElement.dataset.ready, window.borderlineReadyMs, window.borderlineBaseMap.bytesLoaded, window.borderlineBaseMap.tilesLoaded, document.getElementById('status').textContent]")
    nav = ex("const n = performance.getEntriesByType('navigation')[0]; return [n.requestStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd]")
    res = ex("return performance.getEntriesByType('resource').filter(e => e.startTime < window.borderlineReadyMs + 50).map(e => [e.name.replace(location.origin, ''), e.startTime, e.requestStart, e.responseStart, e.responseEnd, e.transferSize, e.nextHopProtocol])")
    print(f"ready={ready[0]} readyMs={ready[1]:.0f} tileBytes={ready[2]} tiles={ready[3]} status={ready[4]!r}")
    print(f"nav requestStart {nav[0]:.0f} responseEnd {nav[1]:.0f} domInteractive {nav[2]:.0f} DCL {nav[3]:.0f} load {nav[4]:.0f}")
    if verbose:
        for name, st, rq, rs, re, size, proto in sorted(res, key=lambda r: r[1]):
            print(f"  start {st:7.0f} req {rq:7.0f} ttfb {rs:7.0f} end {re:7.0f}  wait {rs-rq:6.0f} queued {rq-st:6.0f} {size:8d} {name[:110]}")
finally:
    try: requests.delete(s)
    except Exception: pass
    drv.kill()
