package broken

// Value is broken on purpose.
func Value() int { return 1 }
