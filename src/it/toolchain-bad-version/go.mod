module example.com/toolchain-bad-version

go 1.21
