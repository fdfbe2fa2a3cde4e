#!/usr/bin/env python3
"""Converts CooRTweet's columns (object_id, account_id, content_id, timestamp_share; gzip or plain) to the
QUT toolkit's CSV: every share is a repost of its object, except a share whose content is the object
itself (the original post), which CooRTweet does not pair either."""
import csv
import gzip
import sys

source, target = sys.argv[1], sys.argv[2]
opener = gzip.open if source.endswith(".gz") else open
with opener(source, "rt", newline="", encoding="utf-8") as rows, open(target, "w", newline="", encoding="utf-8") as out:
    reader = csv.DictReader(rows)
    writer = csv.writer(out)
    writer.writerow(["message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"])
    for row in reader:
        original = row["content_id"] == row["object_id"]
        writer.writerow([row["content_id"], row["account_id"], row["account_id"], "" if original else row["object_id"], "", "", row["timestamp_share"], ""])
