package main

import (
	"os"
	"path/filepath"
	"testing"
)

// go:test runs go with GOCACHE and GOMODCACHE under -Dgo.cacheDirectory=ci-cache; the test binary inherits them.
func TestCachesAreUnderTheCacheDirectory(t *testing.T) {
	dir, err := filepath.Abs("ci-cache")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := os.Getenv("GOCACHE"), filepath.Join(dir, "go-build"); got != want {
		t.Errorf("GOCACHE = %q, want %q", got, want)
	}
	if got, want := os.Getenv("GOMODCACHE"), filepath.Join(dir, "mod"); got != want {
		t.Errorf("GOMODCACHE = %q, want %q", got, want)
	}
}
