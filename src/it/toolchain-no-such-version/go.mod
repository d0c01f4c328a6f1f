module example.com/toolchain-no-such-version

go 1.21
