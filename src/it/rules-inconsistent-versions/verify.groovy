def log = new File(basedir, 'build.log').text
assert log.contains('group [golang.org/x/*]: golang.org/x/mod v0.22.0, golang.org/x/sync v0.10.0')
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireConsistentModuleVersions failed with message:')
assert !log.contains('requireConsistentModuleVersions passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-inconsistent-versions.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-inconsistent-versions', ['go.mod', 'go.sum'])
return true
