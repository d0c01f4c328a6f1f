// Command gomvn-cacheprog is the GOCACHEPROG program of gomvn's shared Go build cache.
//
// The go command starts it and asks it, over stdin/stdout (cmd/go/internal/cacheprog), for
// build outputs by action ID ("get") and hands it new outputs ("put"). It answers from a
// local directory first, then from an HTTP store (GET), and uploads new outputs (PUT) unless
// read-only. The store is content-addressed and never trusted: every object downloaded is
// checked against its SHA-256 (its output ID) before go sees it. A store that fails, stalls
// or cannot be reached is given up for the rest of the build: go carries on with the local
// directory only.
//
// Store layout below the store's URL:
//
//	v1/a/<action ID, 64 hex>  text "<output ID, 64 hex> <size in bytes>\n"
//	v1/o/<output ID, 64 hex>  the output itself; its SHA-256 is the output ID
//	v1/m/<key, 64 hex>        what the last build of one kind used: a line "gomvn-prefetch 1", then
//	                          "<action ID> <output ID> <size>" per output, in the order go asked for them
//
// go asks for one output at a time per action it runs, so a fresh agent would wait for thousands of
// small round trips one or two at a time. When gomvn names the kind of build (GOMVN_CACHE_PREFETCH_KEY:
// module, package, target, flags), the program reads that build's list from the store as go starts and
// downloads its outputs, several at once, ahead of go's requests, which then find them in the local
// directory. A list that no longer fits only costs the download of outputs go does not ask
// for: every output is still checked against its SHA-256. At the end the program stores the list of
// this build, unless read-only or unchanged.
//
// Settings come from the environment, never the command line: GOMVN_CACHE_DIR (local
// directory), GOMVN_CACHE_READ_ONLY (true/false), GOMVN_CACHE_TIMEOUT (seconds), GOMVN_CACHE_PREFETCH_KEY,
// GOMVN_CACHE_RUN_DIR, where each process writes what it did for the build's summary, and where the first
// store failure is recorded so that the build's other go processes stop asking the store, and
// GOMVN_CACHE_STORE_FILE, a one-shot file with the store's URL and login (never in the environment, which go
// passes on to the user's tests).
//
// Only the standard library is used: gomvn builds this file with the provisioned Go.
package main

import (
	"fmt"
	"os"
)

func main() {
	s, err := settingsFromEnvironment()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gomvn-cacheprog:", err)
		os.Exit(2)
	}
	if err := newCache(s).serve(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gomvn-cacheprog:", err)
		os.Exit(1)
	}
}
