module gomvn.dev/bench/latencyproxy

go 1.22
