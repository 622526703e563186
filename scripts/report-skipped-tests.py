#!/usr/bin/env python3
"""Reads the Surefire XML reports (*/target/surefire-reports/TEST-*.xml) after `mvn verify`, prints how many
tests ran and skipped and which ones skipped, and exits 1 if a client test skipped: one in the
io.borderline.clients package or one whose class calls ExternalTool. Under CI those tests must run (the
clients are installed), so a skip means a test proved nothing while the build looked green.

Usage (from the repository root): scripts/report-skipped-tests.py
"""
import glob
import re
import sys
import xml.etree.ElementTree as ET

reports = sorted(glob.glob("*/target/surefire-reports/TEST-*.xml"))
if not reports:
    print("no Surefire reports under */target/surefire-reports: did the tests run?")
    sys.exit(1)

client_classes = set()
for source in glob.glob("*/src/test/java/**/*.java", recursive=True):
    with open(source, encoding="utf-8") as f:
        if re.search(r"\bExternalTool\.", f.read()):
            client_classes.add(source.split("/src/test/java/", 1)[1][:-len(".java")].replace("/", "."))

total = 0
skipped = []
client_skips = []
for report in reports:
    for case in ET.parse(report).getroot().iter("testcase"):
        total += 1
        skip = case.find("skipped")
        if skip is None:
            continue
        cls = case.get("classname", "")
        what = f"{cls}.{case.get('name')}: {skip.get('message', '')}".strip()
        skipped.append(what)
        if cls.startswith("io.borderline.clients.") or cls.split("$")[0] in client_classes:
            client_skips.append(what)

for what in skipped:
    print("skipped:", what)
print(f"{total} tests, {len(skipped)} skipped, {len(client_skips)} of them client tests")
if client_skips:
    print("FAIL: client tests skipped (install the clients: scripts/install-test-clients.sh)")
    sys.exit(1)
