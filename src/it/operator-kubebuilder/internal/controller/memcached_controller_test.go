package controller

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	cachev1alpha1 "example.com/memcached-operator/api/v1alpha1"
)

func memcached(size int32) *cachev1alpha1.Memcached {
	return &cachev1alpha1.Memcached{
		ObjectMeta: metav1.ObjectMeta{Name: "cache", Namespace: "team-a"},
		Spec:       cachev1alpha1.MemcachedSpec{Size: size},
	}
}

var _ = Describe("MemcachedReconciler", func() {
	reconciler := &MemcachedReconciler{Identity: "manager-0"}

	Context("when the size is valid", func() {
		It("names the lease after the Memcached", func() {
			lease, err := reconciler.DesiredLease(memcached(3))
			Expect(err).NotTo(HaveOccurred())
			Expect(lease.Name).To(Equal("cache-leader"))
		})
		It("keeps the lease in the Memcached's namespace", func() {
			lease, _ := reconciler.DesiredLease(memcached(3))
			Expect(lease.Namespace).To(Equal("team-a"))
		})
		It("scales the lease duration with the size", func() {
			lease, _ := reconciler.DesiredLease(memcached(4))
			Expect(*lease.Spec.LeaseDurationSeconds).To(BeEquivalentTo(60))
		})
		It("makes the reconciler the holder", func() {
			lease, _ := reconciler.DesiredLease(memcached(1))
			Expect(*lease.Spec.HolderIdentity).To(Equal("manager-0"))
		})
		It("labels the lease as managed by the operator", func() {
			lease, _ := reconciler.DesiredLease(memcached(2))
			Expect(lease.Labels).To(HaveKeyWithValue("app.kubernetes.io/managed-by", "memcached-operator"))
		})
	})

	Context("when the size is zero", func() {
		It("refuses to build a lease", func() {
			_, err := reconciler.DesiredLease(memcached(0))
			Expect(err).To(MatchError(ContainSubstring("size must be at least 1")))
		})
	})
})
