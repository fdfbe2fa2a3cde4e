#!/usr/bin/env bash
# Side by side: `vigil detect` and the QUT coordination-network-toolkit on the same input and windows.
#   bench/qut-side-by-side/run.sh [synthetic-activities]      (default 100000)
# Env: QUT_DIR   a checkout of github.com/QUT-Digital-Observatory/coordination-network-toolkit
#                (default: cloned into $WORK at the commit below)
#      WORK      scratch directory (default /tmp/vigil-qut)
#      VIGIL_SHARED_DATA  the shared data folder (default ../shared/data next to the repository)
# Needs Debian's python3 with python3-networkx and python3-regex (apt-get install python3-networkx python3-regex).
# The toolkit also imports twarc (Twitter JSON preprocessing only), which Debian does not package: a stub module
# that raises if called is put on PYTHONPATH instead; the CSV path used here never calls it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size="${1:-100000}"
work="${WORK:-/tmp/vigil-qut}"
russian="${VIGIL_SHARED_DATA:-$root/../shared/data}/coordination/russian_coord_tweets.csv.gz"
qut_commit=daa0e11f3543756bc62950c630deae01b4702590   # v1.5.2-2, 2022-11-09
threads="$(nproc)"
mkdir -p "$work"

if [ -z "${QUT_DIR:-}" ]; then
  QUT_DIR="$work/coordination-network-toolkit"
  if [ ! -d "$QUT_DIR" ]; then
    git clone -q https://github.com/QUT-Digital-Observatory/coordination-network-toolkit "$QUT_DIR"
    git -C "$QUT_DIR" checkout -q "$qut_commit"
  fi
fi

/usr/bin/python3 -c 'import networkx, regex' 2>/dev/null || {
  echo "missing python3-networkx / python3-regex: apt-get install python3-networkx python3-regex" >&2; exit 1; }
mkdir -p "$work/stub/twarc"
printf 'def ensure_flattened(*args, **kwargs):\n    raise NotImplementedError("twarc is not installed")\n' > "$work/stub/twarc/__init__.py"
printf 'class Twarc2:\n    def __init__(self, *args, **kwargs):\n        raise NotImplementedError("twarc is not installed")\n' > "$work/stub/twarc/client2.py"
export PYTHONPATH="$QUT_DIR:$work/stub"

export VIGIL_ARTIFACTS="${VIGIL_ARTIFACTS:-$work/artifacts}"
dotnet build -c Release "$root/src/Vigil.Cli" -v q -nologo > "$work/build.log"
dotnet build -c Release "$root/bench/Vigil.Benchmarks" -v q -nologo >> "$work/build.log"
vigil="$VIGIL_ARTIFACTS/bin/Vigil.Cli/release/vigil"
bench="$VIGIL_ARTIFACTS/bin/Vigil.Benchmarks/release/Vigil.Benchmarks.dll"
timed() { /usr/bin/time -f "  %e s wall, %U s user + %S s system, max RSS %M KB" "$@"; }

echo "== CooRTweet's russian_coord_tweets (35,125 shares): co-retweet, every pair of shares of one object within W"
python3 "$here/coortweet_to_qut.py" "$russian" "$work/russian_qut.csv"
for window in 10 60; do
  rm -f "$work/russian-$window.db"*
  echo "-- W = $window s; QUT compute co_retweet:"
  timed /usr/bin/python3 "$here/qut_driver.py" "$work/russian-$window.db" "$work/russian_qut.csv" "$work/qut-russian-$window" \
    --network "co_retweet:$window" --threads "$threads" 2>&1 | grep -v Completed
  echo "-- vigil detect --format coortweet --window $window --min-participation 1:"
  timed "$vigil" detect "$russian" --format coortweet \
    --window "$window" --min-participation 1 --out "$work/vigil-russian-$window" 2>&1 | tail -1
  python3 "$here/compare.py" coortweet "$work/qut-russian-$window" "$work/vigil-russian-$window/report.json"
done

echo "== Vigil's synthetic generator, $size organic activities (seed 11), default signal windows"
dotnet "$bench" detect-export "$size" "$work/synthetic-$size"
rm -f "$work/synthetic-$size.db"*
echo "-- QUT co_retweet 60 s, co_link 60 s, co_reply 120 s, co_similar_tweet 300 s (Jaccard >= 0.8, >= 5 tokens):"
timed /usr/bin/python3 "$here/qut_driver.py" "$work/synthetic-$size.db" "$work/synthetic-$size/qut.csv" "$work/qut-synthetic-$size" \
  --network co_retweet:60 --network co_link:60 --network co_reply:120 --network co_similar_tweet:300:0.8:5 \
  --threads "$threads" 2>&1 | grep -v Completed
echo "-- vigil detect (all signals, null model, clusters, HTML, STIX):"
timed "$vigil" detect "$work/synthetic-$size/synthetic.csv" --out "$work/vigil-synthetic-$size" 2>&1 | tail -1
python3 "$here/compare.py" synthetic "$work/qut-synthetic-$size" "$work/vigil-synthetic-$size/report.json" "$work/synthetic-$size/planted.txt"
