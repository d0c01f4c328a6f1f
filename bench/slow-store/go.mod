module gomvn.dev/bench/slowstore

go 1.24
