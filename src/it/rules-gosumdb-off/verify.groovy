def log = new File(basedir, 'build.log').text
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM) switches off checksum-database verification')
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff failed with message:')
assert !log.contains('forbidGosumdbOff passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-gosumdb-off.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-gosumdb-off', ['go.mod', 'go.sum'])
return true
