def log = new File(basedir, 'build.log').text
assert log.findAll('Skipping: go.skip is true.').size() == 3
assert log.contains('Skipping Rule Enforcement.')
// Without the switches the same project fails: the skips are what made the first run pass.
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM)')
return true
