module example.com/signed

go 1.21
