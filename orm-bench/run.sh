#!/usr/bin/env bash
# Builds orm-bench and runs its JMH benchmarks against the local PostgreSQL.
#
#   orm-bench/run.sh quick [JMH options...]   1 fork, 3 x 1 s warm-up, 4 x 1 s measured: about 8 minutes on 2 cores
#   orm-bench/run.sh full  [JMH options...]   2 forks, 5 x 2 s warm-up, 5 x 2 s measured
#
# Both add JMH's allocation profiler (-prof gc) and the CPU time per operation of the benchmark threads and of the
# local PostgreSQL server (-prof io.athanor.bench.CpuProfiler), write orm-bench/target/results-<mode>.json,
# then print the comparison table (orm-bench/summarize.py). Extra options go to JMH, for example a
# benchmark pattern ('FindById|Checkout') or -prof stack. BENCH_URL, BENCH_USER and BENCH_PASSWORD
# (or -jvmArgsAppend -Dbench.url=...) point the benchmarks at another server.
set -euo pipefail

mode="${1:-quick}"
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."

case "$mode" in
  quick) timing=(-f 1 -wi 3 -w 1s -i 4 -r 1s) ;;
  full)  timing=(-f 2 -wi 5 -w 2s -i 5 -r 2s) ;;
  *) echo "usage: orm-bench/run.sh quick|full [JMH options...]" >&2; exit 2 ;;
esac

mvn -B -q -pl orm-bench -am package -DskipTests
results="orm-bench/target/results-$mode.json"
java -jar orm-bench/target/benchmarks.jar "${timing[@]}" -prof gc -prof io.athanor.bench.CpuProfiler -rf json -rff "$results" "$@"
python3 orm-bench/summarize.py "$results"
