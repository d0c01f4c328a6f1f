package main

import (
	_ "golang.org/x/mod/semver"
	_ "golang.org/x/sync/errgroup"
)

func main() {}
