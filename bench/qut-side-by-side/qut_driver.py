#!/usr/bin/env python3
"""Runs the QUT coordination-network-toolkit, imported from its own source tree (PYTHONPATH), on a CSV
in the toolkit's CSV format, and writes each computed network's edges as TSV plus the times taken.

usage: qut_driver.py DB CSV OUT_DIR --network co_retweet:60 --network co_similar_tweet:300:0.8:5 ...
       (name:window[:similarity threshold[:min tokens]]; names as in the toolkit's CLI)
"""
import argparse
import csv
import json
import os
import sqlite3
import time

from coordination_network_toolkit import compute_networks, preprocess, similarity
from coordination_network_toolkit.database import COMMAND_TABLE_MAPPING


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("csv")
    parser.add_argument("out_dir")
    parser.add_argument("--network", action="append", required=True)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    times = {}

    started = time.perf_counter()
    with open(args.csv, newline="", encoding="utf-8") as messages:
        reader = csv.reader(messages)
        next(reader)
        # The toolkit's own CSV reader splits the urls field with split(" "), which turns an empty
        # field into one empty URL that every message without links then shares; split() does not.
        preprocess.preprocess_data(args.db, ((*row[:-1], row[-1].split()) for row in reader))
    times["preprocess"] = time.perf_counter() - started

    for spec in args.network:
        name, window, *rest = spec.split(":")
        window = int(window)
        started = time.perf_counter()
        if name == "co_retweet":
            compute_networks.compute_co_retweet_parallel(args.db, window, n_threads=args.threads)
        elif name == "co_link":
            compute_networks.compute_co_link_network(args.db, window, n_threads=args.threads)
        elif name == "co_reply":
            compute_networks.compute_co_reply_network(args.db, window, n_threads=args.threads)
        elif name == "co_tweet":
            compute_networks.compute_co_tweet_network(args.db, window, n_threads=args.threads)
        elif name == "co_similar_tweet":
            threshold = float(rest[0]) if rest else 0.8
            min_tokens = int(rest[1]) if len(rest) > 1 else 0
            compute_networks.compute_co_similar_tweet(
                args.db,
                window,
                n_threads=args.threads,
                similarity_threshold=threshold,
                similarity_function=similarity.get_similarity_fn_from_min_size(min_tokens),
            )
        else:
            raise SystemExit(f"unknown network {name}")
        times[name] = time.perf_counter() - started

        db = sqlite3.connect(args.db)
        with open(os.path.join(args.out_dir, f"{name}.tsv"), "w", encoding="utf-8") as out:
            for user_1, user_2, weight in db.execute(f"select user_1, user_2, weight from {COMMAND_TABLE_MAPPING[name]}"):
                out.write(f"{user_1}\t{user_2}\t{weight}\n")
        db.close()

    with open(os.path.join(args.out_dir, "times.json"), "w", encoding="utf-8") as out:
        json.dump(times, out, indent=1)
    print(json.dumps(times))


if __name__ == "__main__":
    main()
