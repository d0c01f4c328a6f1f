module example.com/family

go 1.22.0

require (
	golang.org/x/sync v0.10.0
	golang.org/x/mod v0.22.0
)
