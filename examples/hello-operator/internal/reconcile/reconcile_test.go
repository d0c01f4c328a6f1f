package reconcile

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestComputeScalesUp(t *testing.T) {
	plan, err := Compute(Desired{Name: "web", Replicas: 3}, []Replica{{ID: "a", Owner: "web"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Create) != 2 || len(plan.Delete) != 0 {
		t.Fatalf("want 2 creates and no deletes, got %+v", plan)
	}
	for _, r := range plan.Create {
		if r.Owner != "web" || r.ID == "" {
			t.Errorf("created replica %+v is not owned by web or has no ID", r)
		}
	}
}

func TestComputeScalesDownIgnoringOtherOwners(t *testing.T) {
	existing := []Replica{{ID: "c", Owner: "web"}, {ID: "a", Owner: "web"}, {ID: "b", Owner: "db"}}
	plan, err := Compute(Desired{Name: "web", Replicas: 1}, existing)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Delete) != 1 || plan.Delete[0].ID != "c" {
		t.Fatalf("want replica c deleted, got %+v", plan.Delete)
	}
}

func TestComputeRejectsNegativeReplicas(t *testing.T) {
	if _, err := Compute(Desired{Name: "web", Replicas: -1}, nil); err == nil {
		t.Fatal("negative replicas must be refused")
	}
}

func TestApply(t *testing.T) {
	t.Run("runs every action", func(t *testing.T) {
		var calls atomic.Int32
		count := func(Replica) error { calls.Add(1); return nil }
		plan := Plan{Create: []Replica{{ID: "1"}, {ID: "2"}}, Delete: []Replica{{ID: "3"}}}
		if err := Apply(plan, count, count); err != nil || calls.Load() != 3 {
			t.Fatalf("want 3 calls and no error, got %d calls, %v", calls.Load(), err)
		}
	})
	t.Run("reports a failure", func(t *testing.T) {
		boom := errors.New("boom")
		err := Apply(Plan{Create: []Replica{{ID: "1"}}}, func(Replica) error { return boom }, nil)
		if !errors.Is(err, boom) {
			t.Fatalf("want boom, got %v", err)
		}
	})
}
