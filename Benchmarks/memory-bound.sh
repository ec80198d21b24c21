#!/usr/bin/env bash
# Peak memory of each role over large pages while the collector is stopped: 1,500 plain-text
# pages of 1.3 MB (made here, seeded), produce + collect + two workers over TCP, the collector
# stopped with SIGSTOP for 60 s five seconds in, then resumed. Prints each role's VmHWM and the
# rows stored. Usage: Benchmarks/memory-bound.sh [pagemill binary] [work folder]
set -euo pipefail
B=${1:-.build/release/pagemill}
B=$(realpath "$B")
W=${2:-/tmp/pagemill-memory-bound}
mkdir -p "$W"
cd "$W"
if [ ! -d pages ]; then
  python3 - <<'PY'
import os, random
random.seed(5)
words = [''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(random.randint(2, 9))) for _ in range(5000)]
os.makedirs('pages', exist_ok=True)
for i in range(1500):
    paragraphs, size = [], 0
    while size < 1_300_000:
        p = ' '.join(random.choice(words) for _ in range(80)).capitalize() + '.'
        paragraphs.append(p)
        size += len(p) + 2
    open(f'pages/p{i:05d}.txt', 'w').write(f'Title of page {i}\n\n' + '\n\n'.join(paragraphs))
PY
fi
rm -f db.sqlite* journal.sqlite*
P=tcp://127.0.0.1:6557; C=tcp://127.0.0.1:6558
E="--producer $P --collector $C --log-level warning"
"$B" collect --db db.sqlite $E 2>collect.log & CP=$!
"$B" produce pages --journal journal.sqlite $E >produce.out 2>produce.log & PP=$!
"$B" work $E 2>w1.log & W1=$!
"$B" work $E 2>w2.log & W2=$!
declare -A PEAK
sample() { for n in PP CP W1 W2; do v=$(awk '/VmHWM/ {print $2}' /proc/${!n}/status 2>/dev/null || true); [ -n "$v" ] && PEAK[$n]=$v; done; }
sleep 5; kill -STOP $CP; echo "collector stopped"
for _ in $(seq 120); do sleep 0.5; sample; done
kill -CONT $CP; echo "collector resumed"
while kill -0 $PP 2>/dev/null; do sample; sleep 0.5; done
cat produce.out
kill -TERM $CP $W1 $W2; wait || true
echo "peak resident memory (MB): producer $((PEAK[PP] / 1024)), collector $((PEAK[CP] / 1024)), workers $((PEAK[W1] / 1024)) and $((PEAK[W2] / 1024))"
echo "rows: pages $(sqlite3 db.sqlite 'SELECT count(*) FROM pages'), failures $(sqlite3 db.sqlite 'SELECT count(*) FROM failures')"
