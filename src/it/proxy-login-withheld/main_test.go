package main

import (
	"os"
	"strings"
	"testing"

	"example.test/greet"
)

func TestGreeting(t *testing.T) {
	if greet.Hello("x") != "Hello, x" {
		t.Fatal("wrong greeting")
	}
}

// What user code sees: the environment of a test binary, printed (go caches a passing test's output) and kept
// for verify.groovy.
func TestWhatATestSees(t *testing.T) {
	seen := strings.Join(os.Environ(), "\n")
	t.Log(seen)
	if err := os.WriteFile("target/what-a-test-sees.txt", []byte(seen), 0o644); err != nil {
		t.Fatal(err)
	}
}
