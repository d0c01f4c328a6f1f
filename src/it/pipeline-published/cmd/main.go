// The kubebuilder layout: the operator's main package is ./cmd.
package main

import (
	"fmt"

	"example.com/op/internal/version"
)

var banner = "unset"

func main() { fmt.Println(banner, version.GitCommit) }
