module example.com/toolchain-checksum-mismatch

go 1.21
