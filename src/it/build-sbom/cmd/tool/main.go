package main

import (
	"fmt"
	"example.com/local"
	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.Go(func() error { fmt.Println(uuid.NewString(), local.Hello()); return nil })
	_ = g.Wait()
}
