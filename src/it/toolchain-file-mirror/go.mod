module example.com/toolchain-file-mirror

go 1.21
