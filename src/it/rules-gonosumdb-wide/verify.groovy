def log = new File(basedir, 'build.log').text
assert log.contains("has the pattern 'github.com', which matches public modules such as github.com/stretchr/testify: that is GOSUMDB=off in disguise")
assert log.contains('The build uses github.com/google/uuid, which GONOSUMDB=github.com')
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff failed with message:')
assert !log.contains('forbidGosumdbOff passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-gonosumdb-wide.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-gonosumdb-wide', ['go.mod', 'go.sum'])
return true
