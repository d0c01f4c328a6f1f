// Command registry is the CNCF distribution registry (github.com/distribution/distribution/v3, the server of
// Debian's docker-registry) as the tests run it: the same registry package that cmd/registry runs ('registry serve
// config.yml'), linked with only the storage driver and the auth the tests configure (filesystem, htpasswd). The
// cloud storage drivers cmd/registry links too would double a fresh machine's build of it for nothing.
package main

import (
	"os"

	"github.com/distribution/distribution/v3/registry"
	_ "github.com/distribution/distribution/v3/registry/auth/htpasswd"
	_ "github.com/distribution/distribution/v3/registry/storage/driver/filesystem"
)

func main() {
	if err := registry.RootCmd.Execute(); err != nil {
		os.Exit(1)
	}
}
