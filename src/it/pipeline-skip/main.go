package main

func main() { doesNotCompile() }
