#!/usr/bin/env python3
"""Posts generated STIX indicators to a Vigil TAXII collection and prints objects per second.

usage: post_envelopes.py BASE_URL API_KEY COLLECTION_ID TOTAL [ENVELOPE_SIZE] [POSTERS]

Bodies are generated before the clock starts; two thirds are TLP:GREEN, one third TLP:AMBER.
"""
import json
import sys
import threading
import time
import urllib.request
import uuid

GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
MEDIA = "application/taxii+json;version=2.1"


def envelope(size):
    now = "2026-11-29T06:00:00.000Z"
    objects = []
    for i in range(size):
        u = str(uuid.uuid4())
        objects.append({
            "type": "indicator", "spec_version": "2.1", "id": "indicator--" + u, "created": now, "modified": now,
            "name": "bench " + u[:8], "pattern": f"[domain-name:value = 'x{u[:12]}.example']", "pattern_type": "stix",
            "valid_from": now, "object_marking_refs": [GREEN if i % 3 else AMBER],
        })
    return json.dumps({"objects": objects}).encode()


def main():
    base, key, collection, total = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    size = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
    posters = int(sys.argv[6]) if len(sys.argv) > 6 else 4
    url = f"{base}/taxii2/vigil/collections/{collection}/objects/"
    bodies = [envelope(size) for _ in range(total // size)]
    lock = threading.Lock()
    next_body = [0]

    def post():
        while True:
            with lock:
                if next_body[0] >= len(bodies):
                    return
                body = bodies[next_body[0]]
                next_body[0] += 1
            request = urllib.request.Request(url, data=body, method="POST", headers={
                "Authorization": "Bearer " + key, "Content-Type": MEDIA, "Accept": MEDIA})
            with urllib.request.urlopen(request) as response:
                status = json.load(response)
                if status.get("failure_count", 0):
                    raise SystemExit(f"envelope refused: {status}")

    start = time.time()
    threads = [threading.Thread(target=post) for _ in range(posters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    print(f"ingested {total} objects in {elapsed:.1f}s = {total / elapsed:.0f} objects/s")


if __name__ == "__main__":
    main()
