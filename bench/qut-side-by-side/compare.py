#!/usr/bin/env python3
"""Compares the QUT toolkit's edge lists with a `vigil detect` report.json.

usage: compare.py coortweet QUT_DIR REPORT_JSON
       compare.py synthetic QUT_DIR REPORT_JSON PLANTED_TXT
QUT edges are directed (each pair both ways) and may pair an account with itself; both are folded into
undirected pairs of two different accounts, weight = the larger of the two directions."""
import json
import os
import sys


def qut_edges(path):
    edges, self_pairs = {}, 0
    with open(path, encoding="utf-8") as rows:
        for line in rows:
            a, b, w = line.rstrip("\n").split("\t")
            if a == b:
                self_pairs += 1
                continue
            key = (a, b) if a < b else (b, a)
            edges[key] = max(edges.get(key, 0), int(w))
    return edges, self_pairs


def vigil_edges(report, signal=None):
    edges = {}
    for e in report["edges"]:
        if signal is not None and signal not in e["signals"]:
            continue
        a, b = e["source"], e["target"]
        edges[(a, b) if a < b else (b, a)] = e["signals"][signal] if signal else e["weight"]
    return edges


def accounts(edges):
    return {a for pair in edges for a in pair}


def coortweet(qut_dir, report_path):
    report = json.load(open(report_path, encoding="utf-8"))
    q, self_pairs = qut_edges(os.path.join(qut_dir, "co_retweet.tsv"))
    v = vigil_edges(report)
    both = set(q) & set(v)
    same_weight = sum(1 for k in both if q[k] == v[k])
    print(f"QUT co_retweet: {len(q)} account pairs ({self_pairs} same-account rows left out), {len(accounts(q))} accounts")
    print(f"vigil (CooRTweet mode): {len(v)} edges, {len(accounts(v))} accounts; summary {report['summary']}")
    print(f"intersection {len(both)}; only QUT {len(set(q) - set(v))}; only vigil {len(set(v) - set(q))}; equal weights {same_weight}")


def synthetic(qut_dir, report_path, planted_path):
    report = json.load(open(report_path, encoding="utf-8"))
    planted = {}
    for line in open(planted_path, encoding="utf-8"):
        network, style, account = line.rstrip("\n").split("\t")
        planted.setdefault(network, (style, set()))[1].add(account)
    big = set().union(*(members for style, members in planted.values() if len(members) >= 10))
    clustered = {a for c in report["clusters"] for a in c["accounts"]}
    signals = {s["signal"]: s for s in report["signals"]}
    print(f"vigil: {report['summary']}; planted accounts (networks of >= 10) {len(big)}, "
          f"in vigil clusters {len(big & clustered)}, other accounts in clusters {len(clustered - big)}")
    for vigil_signal, qut_name in (("co-reshare", "co_retweet"), ("co-link", "co_link"), ("co-text", "co_similar_tweet"), ("co-reply", "co_reply")):
        path = os.path.join(qut_dir, f"{qut_name}.tsv")
        if not os.path.exists(path):
            continue
        q, self_pairs = qut_edges(path)
        q2 = {k: w for k, w in q.items() if w >= 2}
        v = vigil_edges(report, vigil_signal)
        s = signals.get(vigil_signal, {})
        print(f"{vigil_signal} / {qut_name}: QUT {len(q)} pairs ({self_pairs} same-account rows left out), {len(q2)} with weight >= 2 "
              f"touching {len(accounts(q2))} accounts of which {len(accounts(q2) & big)} planted; "
              f"vigil candidate pairs {s.get('candidateEdges')}, kept {len(v)} touching {len(accounts(v))} accounts of which {len(accounts(v) & big)} planted; "
              f"vigil kept ∩ QUT {len(set(v) & set(q))}, ∩ QUT weight >= 2 {len(set(v) & set(q2))}")


if __name__ == "__main__":
    if sys.argv[1] == "coortweet":
        coortweet(sys.argv[2], sys.argv[3])
    else:
        synthetic(sys.argv[2], sys.argv[3], sys.argv[4])
