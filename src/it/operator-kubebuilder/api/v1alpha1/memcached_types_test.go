package v1alpha1

import (
	"testing"

	"k8s.io/apimachinery/pkg/runtime"
)

func TestSchemeKnowsMemcached(t *testing.T) {
	scheme := runtime.NewScheme()
	if err := AddToScheme(scheme); err != nil {
		t.Fatal(err)
	}
	if !scheme.Recognizes(GroupVersion.WithKind("Memcached")) {
		t.Fatalf("scheme does not recognise %v", GroupVersion.WithKind("Memcached"))
	}
}

func TestDeepCopyIsIndependent(t *testing.T) {
	original := &Memcached{Spec: MemcachedSpec{Size: 2}}
	copied := original.DeepCopy()
	copied.Spec.Size = 5
	if original.Spec.Size != 2 {
		t.Fatalf("changing the copy changed the original: %d", original.Spec.Size)
	}
}
