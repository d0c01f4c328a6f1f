module example.com/imagepushproxy

go 1.21
