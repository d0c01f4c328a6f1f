// Command manager is the operator's entry point: it reconciles one resource and prints the plan.
package main

import (
	"flag"
	"fmt"
	"os"

	"example.com/hello-operator/internal/reconcile"
)

// version is set at build time with -X main.version=...
var version = "dev"

func main() {
	name := flag.String("name", "web", "resource to reconcile")
	replicas := flag.Int("replicas", 2, "desired replicas")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return
	}
	plan, err := reconcile.Compute(reconcile.Desired{Name: *name, Replicas: *replicas}, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("reconcile %s: create %d, delete %d\n", *name, len(plan.Create), len(plan.Delete))
}
