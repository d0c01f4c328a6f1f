def log = new File(basedir, 'build.log').text
assert log.contains('Ask the platform team before switching verification off.')
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM)')
assert log.contains('BUILD SUCCESS')
// Level WARN: the enforcer warns, with the custom message first and the rule's own explanation after it.
def lines = log.readLines()
def warned = lines.indexOf('[WARNING] Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff warned with message:')
assert warned >= 0
assert lines[warned + 1] == 'Ask the platform team before switching verification off.'
assert lines[warned + 2].startsWith('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM) switches off checksum-database verification')
// A violation logged as a warning is not a pass.
assert !log.contains('forbidGosumdbOff passed for')
assert !log.contains('Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff passed')

// Nothing modified: go.mod and go.sum byte for byte as committed in src/it/rules-message-and-level.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-message-and-level', ['go.mod', 'go.sum'])
return true
