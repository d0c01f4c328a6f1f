# Shared by bench/run and bench/vuln: timing with $reps repetitions, min, median and max into $results.
now() { date +%s.%N; }
# record NAME TIME...: the number of runs, min, median and max of the times go to the results.
record() {
  local name=$1; shift
  local sorted min median max n=$#
  sorted=$(printf '%s\n' "$@" | sort -n)
  min=$(echo "$sorted" | sed -n 1p)
  max=$(echo "$sorted" | sed -n "${n}p")
  if (( n % 2 )); then
    median=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
  else
    median=$(echo "($(echo "$sorted" | sed -n "$(( n / 2 ))p") + $(echo "$sorted" | sed -n "$(( n / 2 + 1 ))p")) / 2" | bc -l)
  fi
  printf '%s\t%.2f\t%.2f\t%.2f\t%d\n' "$name" "$min" "$median" "$max" "$n" | tee -a "$results"
}
# timed COMMAND...: runs it once and prints its wall time; a failure stops the bench with the log.
timed() {
  local start end
  start=$(now)
  "$@" > "$out/last.log" 2>&1 || { echo "FAILED: $*" >&2; tail -30 "$out/last.log" >&2; exit 1; }
  end=$(now)
  echo "$end - $start" | bc
}
# measure NAME COMMAND...: runs the command $reps times (a "prepare" function, if set, runs before each).
# A "warm" measurement first runs the command once untimed, so that it never measures the cold run that
# fills the cache it claims to be warm.
measure() {
  local name=$1; shift
  local times=()
  if [ -n "${warmup:-}" ]; then
    [ -n "${prepare:-}" ] && $prepare
    timed "$@" > /dev/null
  fi
  for _ in $(seq "$reps"); do
    [ -n "${prepare:-}" ] && $prepare
    times+=("$(timed "$@")")
  done
  record "$name" "${times[@]}"
}
# alternate PREPARE NAME=FUNCTION... (split at the last =): each repetition runs every function once, in turn, each after PREPARE,
# so that a machine that gets slower or faster during the run does not favour the tool measured first.
alternate() {
  local prepare_each=$1; shift
  local -A times=()
  for _ in $(seq "$reps"); do
    for pair in "$@"; do
      $prepare_each
      times[${pair%=*}]+=" $(timed "${pair##*=}")"
    done
  done
  for pair in "$@"; do
    # shellcheck disable=SC2086
    record "${pair%=*}" ${times[${pair%=*}]}
  done
}
median_of() { awk -F'\t' -v n="$1" '$1 == n { print $3 }' "$results"; }
