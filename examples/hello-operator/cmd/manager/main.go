// Command manager is the operator's entry point: it reconciles one resource and prints the plan.
package main

import (
	"flag"
	"fmt"
	"os"

	"example.com/hello-operator/internal/reconcile"
	"golang.org/x/text/language"
)

// version is set at build time with -X main.version=...
var version = "dev"

// reportLanguage is the language of the manager's reports. golang.org/x/text stays at v0.3.6 so that the
// vulnerability rule has something to show: GO-2021-0113 is in language.Parse, which this code never calls,
// so the build lists it as present but not reached instead of failing.
var reportLanguage = language.English

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
	fmt.Printf("reconcile %s: create %d, delete %d (report language %s)\n", *name, len(plan.Create), len(plan.Delete), reportLanguage)
}
