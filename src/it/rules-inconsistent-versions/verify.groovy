def log = new File(basedir, 'build.log').text
def dir = basedir.toPath().toAbsolutePath().normalize()
// No <groups>: the default group holds the Kubernetes release modules; klog and utils (own versions) are not in it.
assert log.contains("Modules that must share one version differ among the modules linked by ${dir} (no <groups> configured: "
        + 'the default group @kubernetes holds the k8s.io modules released together with Kubernetes):\n'
        + 'group [@kubernetes]: k8s.io/apimachinery v0.35.2, k8s.io/mount-utils v0.34.0\n'
        + "Fix: align each group on the newest version it links: go get k8s.io/mount-utils@v0.35.2, then 'go mod tidy', "
        + 'and commit go.mod and go.sum.')
// k8s.io/kube-aggregator v0.33.0 and k8s.io/api v0.33.0 are in the module graph, but nothing links them.
assert !log.contains('k8s.io/kube-aggregator v0.33.0')
assert !log.contains('k8s.io/api v0.33.0')
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireConsistentModuleVersions failed with message:')
assert !log.contains('requireConsistentModuleVersions passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-inconsistent-versions.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-inconsistent-versions', ['go.mod', 'go.sum'])
return true
