// Command cosign is sigstore's cosign v2 command line (its cli package as cmd/cosign runs it, without the cloud KMS
// plugins), for the tests: a signature checker with no part of gomvn's code, that verifies what gomvn signed.
package main

import (
	"log"

	"github.com/sigstore/cosign/v2/cmd/cosign/cli"
)

func main() {
	if err := cli.New().Execute(); err != nil {
		log.Fatalf("error during command execution: %v", err)
	}
}
