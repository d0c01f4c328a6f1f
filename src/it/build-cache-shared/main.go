package main

func main() { println(greeting()) }

func greeting() string { return "hello from the shared build cache" }
