module example.com/build-sbom

go 1.22

require (
	example.com/local v0.0.0
	github.com/google/uuid v1.6.0
	golang.org/x/sync v0.10.0
)

replace golang.org/x/sync => golang.org/x/sync v0.9.0

replace example.com/local => ./local
