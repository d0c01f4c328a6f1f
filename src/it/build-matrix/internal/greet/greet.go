// Package greet is shared by both binaries.
package greet

// Line formats a greeting for who.
func Line(greeting, who string) string { return greeting + ", " + who }
