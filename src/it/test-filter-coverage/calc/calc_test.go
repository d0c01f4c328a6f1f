package calc

import "testing"

func TestAddPasses(t *testing.T) {
	if Add(2, 3) != 5 {
		t.Fatal("2+3 must be 5")
	}
}

func TestAddFails(t *testing.T) {
	t.Log("about to compare")
	if Add(2, 2) != 5 {
		t.Errorf("Add(2, 2) = %d, want 5", Add(2, 2))
	}
}

func TestSkipped(t *testing.T) {
	t.Skip("needs a database")
}

func TestTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b int
		want int
	}{{"small", 1, 1, 2}, {"negative", -1, -1, -3}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Add(tc.a, tc.b); got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
		})
	}
}
