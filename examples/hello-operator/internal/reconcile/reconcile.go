// Package reconcile holds the operator's logic: it compares the replicas a resource asks for with
// the replicas that exist and decides what to create and what to delete, the way a Kubernetes
// controller's Reconcile does.
package reconcile

import (
	"fmt"
	"sort"

	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"
)

// Desired is what the user asked for.
type Desired struct {
	Name     string
	Replicas int
}

// Replica is one running instance.
type Replica struct {
	ID    string
	Owner string
}

// Plan says what the reconciler must do to reach the desired state.
type Plan struct {
	Create []Replica
	Delete []Replica
}

// Compute returns the actions that turn existing into desired. Extra replicas are deleted
// newest ID first so the result is deterministic.
func Compute(desired Desired, existing []Replica) (Plan, error) {
	if desired.Replicas < 0 {
		return Plan{}, fmt.Errorf("resource %q asks for %d replicas; replicas must be 0 or more", desired.Name, desired.Replicas)
	}
	owned := make([]Replica, 0, len(existing))
	for _, r := range existing {
		if r.Owner == desired.Name {
			owned = append(owned, r)
		}
	}
	sort.Slice(owned, func(i, j int) bool { return owned[i].ID < owned[j].ID })
	var plan Plan
	for i := len(owned); i < desired.Replicas; i++ {
		plan.Create = append(plan.Create, Replica{ID: uuid.NewString(), Owner: desired.Name})
	}
	if len(owned) > desired.Replicas {
		plan.Delete = append(plan.Delete, owned[desired.Replicas:]...)
	}
	return plan, nil
}

// Apply runs the plan's actions concurrently and stops at the first failure.
func Apply(plan Plan, create, remove func(Replica) error) error {
	var group errgroup.Group
	for _, r := range plan.Create {
		r := r
		group.Go(func() error { return create(r) })
	}
	for _, r := range plan.Delete {
		r := r
		group.Go(func() error { return remove(r) })
	}
	return group.Wait()
}
