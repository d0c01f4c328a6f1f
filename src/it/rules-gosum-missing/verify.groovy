def log = new File(basedir, 'build.log').text
assert log.contains("lacks the zip hash of github.com/google/uuid v1.6.0, which the build or its tests need. Fix: run 'go mod tidy' and commit go.sum.")
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireGoSumVerified failed with message:')
assert !log.contains('requireGoSumVerified passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-gosum-missing.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-gosum-missing', ['go.mod', 'go.sum'])
return true
