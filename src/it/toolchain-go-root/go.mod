module example.com/toolchain-go-root

go 1.21
