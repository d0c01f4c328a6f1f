def log = new File(basedir, 'build.log').text
assert log.contains('GO111MODULE=off (set by the go-maven-plugin <environment> in the POM) puts go in GOPATH mode')
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireModules failed with message:')
assert !log.contains('requireModules passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-gopath-mode.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-gopath-mode', ['go.mod', 'go.sum'])
return true
