package main

import (
	"fmt"

	"example.com/lib"
	"github.com/google/uuid"
)

func main() { fmt.Println(lib.Greeting(), uuid.NewString()) }
