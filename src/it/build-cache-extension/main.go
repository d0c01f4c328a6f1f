package main

import (
	"fmt"

	"example.com/cached/internal/greeting"
)

func main() {
	fmt.Println(greeting.Banner())
}
