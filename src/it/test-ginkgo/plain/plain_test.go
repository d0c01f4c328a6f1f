package plain

import "testing"

func TestGreeting(t *testing.T) {
	t.Log("\x1b[32mcoloured log line\x1b[0m")
	if got := Greeting(); got != "hello" {
		t.Errorf("Greeting() = %q", got)
	}
}

func TestColouredFailure(t *testing.T) {
	t.Errorf("\x1b[31mexpected\x1b[0m %d, got %d", 1, 2)
}
