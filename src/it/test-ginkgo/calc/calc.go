// Package calc is the code under test.
package calc

// Add returns the sum of a and b.
func Add(a, b int) int { return a + b }

// Divide returns a divided by b.
func Divide(a, b int) int { return a / b }
