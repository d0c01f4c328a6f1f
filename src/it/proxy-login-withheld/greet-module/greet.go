// Package greet is a module that the IT's Go module proxy serves, behind the company proxy only.
package greet

// Hello greets name.
func Hello(name string) string {
	return "Hello, " + name
}
