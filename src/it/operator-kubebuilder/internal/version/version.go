// Package version is stamped at link time: -X example.com/memcached-operator/internal/version.Version=...
package version

var (
	Version   = "dev"
	GitCommit = "unknown"
)
