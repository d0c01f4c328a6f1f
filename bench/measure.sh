# Shared by bench/run and bench/vuln: timing with $reps repetitions, min and median into $results.
now() { date +%s.%N; }
# measure NAME COMMAND...: runs the command $reps times (a "prepare" function, if set, runs before each).
measure() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$reps"); do
    [ -n "${prepare:-}" ] && $prepare
    local start end
    start=$(now)
    "$@" > "$out/last.log" 2>&1 || { echo "FAILED: $name"; tail -30 "$out/last.log"; exit 1; }
    end=$(now)
    times+=("$(echo "$end - $start" | bc)")
  done
  local sorted min median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  min=$(echo "$sorted" | head -1)
  if (( reps % 2 )); then
    median=$(echo "$sorted" | sed -n "$(( (reps + 1) / 2 ))p")
  else
    median=$(echo "($(echo "$sorted" | sed -n "$(( reps / 2 ))p") + $(echo "$sorted" | sed -n "$(( reps / 2 + 1 ))p")) / 2" | bc -l)
  fi
  printf '%s\t%.2f\t%.2f\n' "$name" "$min" "$median" | tee -a "$results"
}
median_of() { awk -F'\t' -v n="$1" '$1 == n { print $3 }' "$results"; }
