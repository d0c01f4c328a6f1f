package main

import "testing"

func TestGreeting(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{{nil, "hello, world"}, {[]string{"ana", "bo"}, "hello, ana and bo"}} {
		if got := greeting(tc.args); got != tc.want {
			t.Errorf("greeting(%v) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
