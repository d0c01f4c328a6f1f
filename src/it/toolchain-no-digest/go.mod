module example.com/toolchain-no-digest

go 1.21
