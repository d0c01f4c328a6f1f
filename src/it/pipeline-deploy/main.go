package main

import "fmt"

func main() { fmt.Println(message()) }

func message() string { return "shipped" }
