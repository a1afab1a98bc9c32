"""Lighthouse 12 (mobile) on the home, listing, product and village pages, behind nginx.

Called by bench/pages.py once the site's gunicorn is up. nginx runs with the server block
of site/nginx.conf, adapted to a free loopback port without TLS: the same gzip, proxy
headers and media location, /static/ served from the collected files on disk, and
X-Forwarded-Proto set to https (as the TLS proxy would) so production settings do not
redirect. Lighthouse (installed by `make bench` into var/bench-node) drives Debian's
Chromium headless.
"""

import json
import os
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

from bench.processes import wait_for_http

ROOT = Path(__file__).resolve().parent.parent
# Installed by `make bench` (npm install --prefix var/bench-node), not a site package.
LIGHTHOUSE = ROOT / "var" / "bench-node" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = ("home", "listing", "product", "village")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Issue 14: performance ≥ 97, LCP ≤ 2.0 s, CLS < 0.01, the other three at 100.
TARGETS = "targets: performance ≥ 97, accessibility/best practices/SEO 100, LCP ≤ 2.0 s, CLS < 0.01"


def missing_tools():
    """Why Lighthouse cannot run here, with how to install what is missing, or ""."""
    missing = []
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        missing.append("nginx (apt-get install -y nginx)")
    if not shutil.which("node"):
        missing.append("Node.js (apt-get install -y nodejs npm)")
    elif not LIGHTHOUSE.exists():
        missing.append("Lighthouse (make bench installs it into var/bench-node)")
    if not Path(CHROME).exists():
        missing.append(f"Chromium at {CHROME} (apt-get install -y chromium, or set CHROME_PATH)")
    return ", ".join(missing)


def _replace(text, old, new):
    if old not in text:
        raise RuntimeError(f"site/nginx.conf changed: {old!r} not found; adapt bench/lighthouse.py")
    return text.replace(old, new)


def nginx_config(app_port, nginx_port, folder):
    """nginx.conf for the benchmark, from site/nginx.conf's upstream, map and HTTPS server."""
    sample = (ROOT / "site" / "nginx.conf").read_text()
    # The HTTPS server block is the last one; the port-80 block only redirects.
    head, _, https = sample.rpartition("server {\n    listen 443 ssl;")
    head = head[: head.rindex("server {")]
    https = "server {\n    listen 443 ssl;" + https
    https = re.sub(
        r"\n\s*(listen \[::\]:443 ssl|http2 on|ssl_certificate(_key)?\s[^;]*);", "", https
    )
    https = _replace(https, "listen 443 ssl;", f"listen 127.0.0.1:{nginx_port};")
    https = _replace(https, "alias /srv/ocop/media/;", f"alias {folder / 'media'}/;")
    https = _replace(
        https,
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header X-Forwarded-Proto https;",
    )
    # WhiteNoise serves /static/ in production; here nginx takes them from disk, with
    # WhiteNoise's far-future caching of hashed names and its precompressed copies.
    static = (
        f"    location /static/ {{\n        alias {folder / 'static'}/;\n"
        "        expires max;\n        gzip_static on;\n    }\n\n    location / {"
    )
    https = _replace(https, "    location / {", static)
    head = _replace(head, "server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    run = folder / "nginx"
    temp = "\n".join(
        f"    {kind}_temp_path {run / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"pid {run / 'nginx.pid'};\nerror_log {run / 'error.log'} warn;\n"
        + ("user root root;\n" if os.geteuid() == 0 else "")
        + "worker_processes 1;\nevents { worker_connections 256; }\n"
        + "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        + f"    access_log off;\n    sendfile on;\n{temp}\n\n{head}{https}}}\n"
    )


def start_nginx(processes, app_port, nginx_port, folder, logs):
    run = folder / "nginx"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    config = run / "nginx.conf"
    config.write_text(nginx_config(app_port, nginx_port, folder))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [nginx, "-p", str(run), "-c", str(config), "-g", "daemon off;"]
    subprocess.run([*command, "-t", "-q"], check=True)
    process = processes.start(command, log=logs / "nginx.log")
    wait_for_http(f"http://127.0.0.1:{nginx_port}/healthz", process)
    return process


def audit(url, report):
    """Lighthouse's scores and figures for one URL (mobile, its default simulated throttling)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME}
    try:
        subprocess.run(command, env=env, check=True, timeout=300)
    except subprocess.CalledProcessError:
        # On a busy machine Chromium now and then loses the trace (NO_NAVSTART): once more.
        subprocess.run(command, env=env, check=True, timeout=300)
    result = json.loads(report.read_text())
    audits = result["audits"]
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    failing = sorted(
        name
        for name, found in audits.items()
        if found.get("scoreDisplayMode") == "binary" and found.get("score") == 0
    )
    return {
        **{
            name: round(100 * score) if score is not None else None
            for name, score in scores.items()
        },
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "version": result["lighthouseVersion"],
        "failing": failing,
    }


def run(processes, pages, app_port, nginx_port, folder, logs):
    """Print Lighthouse's figures for the home, listing, product and village pages."""
    if why := missing_tools():
        print(f"\nLighthouse skipped: missing {why}.")
        return
    nginx = start_nginx(processes, app_port, nginx_port, folder, logs)
    # As a visitor finds them on a live site: drawn once already and kept in the page
    # cache (--lighthouse-only starts on an empty one), so the audit times the page, not
    # its first rendering.
    for _ in range(2):
        for name, path in pages:
            if name in PAGES:
                urllib.request.urlopen(f"http://127.0.0.1:{nginx_port}{path}").read()
    reports = folder / "lighthouse"
    reports.mkdir(exist_ok=True)
    rows = []
    try:
        for name, path in pages:
            if name in PAGES:
                url = f"http://127.0.0.1:{nginx_port}{path}"
                rows.append((name, audit(url, reports / f"{name}.json")))
    finally:
        processes.stop(nginx)
    version = rows[0][1]["version"] if rows else "?"
    print(f"\nLighthouse {version}, mobile, behind nginx (gzip, media and static from disk)")
    print(f"{TARGETS}; reports in {reports}\n")
    print(
        "| page     | perf | a11y | best pr. | SEO |  LCP s |    CLS | transfer KB | failed audits"
    )
    print("|----------|-----:|-----:|---------:|----:|-------:|-------:|------------:|---")
    for name, found in rows:
        print(
            f"| {name:<8} | {found['performance']:>4} | {found['accessibility']:>4} | "
            f"{found['best-practices']:>8} | {found['seo']:>3} | {found['lcp']:>6.2f} | "
            f"{found['cls']:>6.3f} | {found['bytes'] / 1000:>11.0f} | {', '.join(found['failing'])}"
        )
