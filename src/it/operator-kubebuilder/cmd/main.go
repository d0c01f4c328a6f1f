// The memcached-operator manager, laid out as kubebuilder scaffolds it (cmd/main.go).
package main

import (
	"flag"
	"fmt"
	"os"

	"k8s.io/apimachinery/pkg/runtime"

	cachev1alpha1 "example.com/memcached-operator/api/v1alpha1"
	"example.com/memcached-operator/internal/controller"
	"example.com/memcached-operator/internal/version"
)

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Printf("manager %s (commit %s)\n", version.Version, version.GitCommit)
		return
	}
	scheme := runtime.NewScheme()
	if err := cachev1alpha1.AddToScheme(scheme); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	reconciler := &controller.MemcachedReconciler{Identity: "manager"}
	m := &cachev1alpha1.Memcached{Spec: cachev1alpha1.MemcachedSpec{Size: 3}}
	m.Name, m.Namespace = "example", "default"
	lease, err := reconciler.DesiredLease(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("manager %s: would reconcile %s/%s into lease %s\n", version.Version, m.Namespace, m.Name, lease.Name)
}
