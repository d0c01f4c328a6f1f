def log = new File(basedir, 'build.log').text
assert log.contains('is not in the required range [1.99,). Set go.version to a version in that range')
assert log.contains('(GOROOT ')
assert log.contains("Go ${installedGoNumber} (GOROOT ")
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireGoVersion failed with message:')
assert !log.contains('requireGoVersion passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-go-version-too-old.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-go-version-too-old', ['go.mod', 'go.sum'])
return true
