// Package version is stamped at link time by its import path.
package version

// GitCommit is set with -X example.com/op/internal/version.GitCommit=...
var GitCommit = "unknown"
