package lib

// Greeting is what app prints first.
func Greeting() string { return "hello" }
