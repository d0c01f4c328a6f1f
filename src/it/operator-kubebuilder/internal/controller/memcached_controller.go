// Package controller reconciles Memcached objects into the Lease that elects their leader.
package controller

import (
	"fmt"

	coordinationv1 "k8s.io/api/coordination/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	cachev1alpha1 "example.com/memcached-operator/api/v1alpha1"
)

// MemcachedReconciler turns a Memcached into the objects it needs.
type MemcachedReconciler struct {
	Identity string
}

// DesiredLease is the Lease a Memcached's members use to elect a leader.
func (r *MemcachedReconciler) DesiredLease(m *cachev1alpha1.Memcached) (*coordinationv1.Lease, error) {
	if m.Spec.Size < 1 {
		return nil, fmt.Errorf("memcached %s/%s: size must be at least 1, got %d", m.Namespace, m.Name, m.Spec.Size)
	}
	duration := int32(15 * m.Spec.Size)
	holder := r.Identity
	return &coordinationv1.Lease{
		ObjectMeta: metav1.ObjectMeta{
			Name:      m.Name + "-leader",
			Namespace: m.Namespace,
			Labels:    map[string]string{"app.kubernetes.io/managed-by": "memcached-operator"},
		},
		Spec: coordinationv1.LeaseSpec{
			HolderIdentity:       &holder,
			LeaseDurationSeconds: &duration,
		},
	}, nil
}
