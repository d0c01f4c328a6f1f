package local

func Hello() string { return "hi" }
