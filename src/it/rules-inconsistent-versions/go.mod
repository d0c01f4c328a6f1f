module example.com/inconsistent-kubernetes

go 1.25.0

require (
	k8s.io/apimachinery v0.35.2
	k8s.io/kube-aggregator v0.33.0
	k8s.io/mount-utils v0.34.0
)

require (
	github.com/go-logr/logr v1.4.3 // indirect
	github.com/moby/sys/mountinfo v0.7.2 // indirect
	golang.org/x/sys v0.31.0 // indirect
	k8s.io/klog/v2 v2.130.1 // indirect
	k8s.io/utils v0.0.0-20251002143259-bc988d571ff4 // indirect
)
