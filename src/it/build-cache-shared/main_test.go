package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestGreeting(t *testing.T) {
	if greeting() == "" {
		t.Fatal("no greeting")
	}
}

// What user code sees of the shared build cache: its environment, and any file the cache's variables name.
// Printed (go caches a passing test's output, and uploads it to the store) and kept for verify.groovy.
func TestWhatATestSees(t *testing.T) {
	seen := strings.Join(os.Environ(), "\n")
	if name := os.Getenv("GOMVN_CACHE_STORE_FILE"); name != "" {
		content, err := os.ReadFile(name)
		seen += "\nstore file " + name + ": " + string(content) + " (" + strconv.Quote(errString(err)) + ")"
	}
	t.Log(seen)
	// Not os.WriteFile: go does not cache the result of a test that opened a file modified just now.
	fd, err := syscall.Open("target/what-a-test-sees-"+strconv.Itoa(os.Getpid())+".txt",
		syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	syscall.Write(fd, []byte(seen))
	syscall.Close(fd)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
