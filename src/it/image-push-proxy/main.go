package main

func main() { println("pushed through the company proxy") }
