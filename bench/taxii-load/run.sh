#!/bin/bash
# The TAXII load test of docs/benchmarks.md: a fresh demo hub (Release), 100k objects posted through TAXII,
# GET pages of 100 with match[type] from 32 clients as the author org and as another member, then to 1M and again.
# Needs python3 and wrk (Debian packages). usage: bench/taxii-load/run.sh [POSTGRES_CONNECTION_STRING]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=$(mktemp -d /tmp/vigil-load.XXXXXX)
port=5190
extra=()
if [ $# -gt 0 ]; then extra=(--postgres "$1"); fi

dotnet build -c Release "$repo/src/Vigil.Cli" -v q -nologo >/dev/null
vigil=$(find "${VIGIL_ARTIFACTS:-$repo/artifacts}/bin/Vigil.Cli/release" -name vigil -type f | head -1)
"$vigil" serve --demo --data-dir "$data" --urls "http://127.0.0.1:$port" "${extra[@]}" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do [ -f "$data/demo-credentials.json" ] && curl -sf "http://127.0.0.1:$port/taxii2/" -o /dev/null -H "Accept: application/taxii+json;version=2.1" && break; sleep 1; done

key_of() { python3 -c "import json,sys;print([d['api_key'] for d in json.load(open('$data/demo-credentials.json')) if d['user']==sys.argv[1]][0])" "$1"; }
author=$(key_of northwind-analyst)
other=$(key_of cyber-agency-analyst)
collection=$(curl -s -H "Authorization: Bearer $author" -H "Accept: application/taxii+json;version=2.1" "http://127.0.0.1:$port/taxii2/vigil/collections/" |
  python3 -c "import json,sys;print([c['id'] for c in json.load(sys.stdin)['collections'] if c['title']=='Election threats'][0])")
url="http://127.0.0.1:$port/taxii2/vigil/collections/$collection/objects/?match%5Btype%5D=indicator&limit=100"

reads() {
  for who in author other; do
    local key=${!who}
    VIGIL_KEY=$key wrk -t2 -c32 -d5s -s "$here/auth.lua" "$url" >/dev/null
    for run in 1 2 3; do
      printf '%s run %s: ' "$who" "$run"
      VIGIL_KEY=$key wrk -t2 -c32 -d15s --latency -s "$here/auth.lua" "$url" | grep -E "50%|99%|Requests/sec" | tr -s ' ' | tr '\n' ' '
      echo
    done
  done
  echo "server RSS: $(ps -o rss= -p $server) kB"
}

echo "== 0 -> 100k"; python3 "$here/post_envelopes.py" "http://127.0.0.1:$port" "$author" "$collection" 100000
reads
echo "== 100k -> 1M"; python3 "$here/post_envelopes.py" "http://127.0.0.1:$port" "$author" "$collection" 900000
reads
