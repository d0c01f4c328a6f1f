package main

import "testing"

func TestMessage(t *testing.T) {
	if message() != "shipped" {
		t.Fatal(message())
	}
}
