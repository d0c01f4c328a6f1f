package main

import "fmt"

func main() { fmt.Println("same every time") }
