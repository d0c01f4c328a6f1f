module example.com/cacheit

go 1.24
