module example.com/badurl

go 1.24
