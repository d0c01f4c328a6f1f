def log = new File(basedir, 'build.log').text
assert log.contains("go.sum:1: the go.sum line for github.com/google/uuid v1.6.0 disagrees with the module's real content")
assert log.contains('never just delete the line')
assert log.contains("${basedir.toPath().toAbsolutePath().normalize()}/go.sum:1: the go.sum line for github.com/google/uuid v1.6.0")
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireGoSumVerified failed with message:')
assert !log.contains('requireGoSumVerified passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-gosum-mismatch.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-gosum-mismatch', ['go.mod', 'go.sum'])
return true
