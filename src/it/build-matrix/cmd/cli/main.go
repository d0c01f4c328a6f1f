package main

import (
	"fmt"

	"example.com/matrix/internal/greet"
)

var greeting = "hi"

func main() { fmt.Println(greet.Line(greeting, "cli")) }
