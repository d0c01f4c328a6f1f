def log = new File(basedir, 'build.log').text
assert log.findAll('Skipping: go.skip is true.').size() == 3
assert log.contains('Skipping Rule Enforcement.')
// Without the switches the same project fails: the skips are what made the first run pass.
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM)')

def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
// Run 1 (-Dgo.skip -Denforcer.skip): toolchain, build and test skipped, no rule checked, and it passed.
assert runs[0].count('[INFO] Skipping: go.skip is true.') == 3
assert runs[0].contains('[INFO] Skipping Rule Enforcement.')
assert !runs[0].contains('forbidGosumdbOff passed for') && !runs[0].contains('GOSUMDB=off')
assert runs[0].contains('BUILD SUCCESS')
// Run 2: the rule fails the build in validate, before the code that does not compile is reached.
assert runs[1].contains('[ERROR] Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff failed with message:')
assert !runs[1].contains('Skipping: go.skip is true.') && !runs[1].contains('Skipping Rule Enforcement.')
assert runs[1].contains('BUILD FAILURE')
assert !new File(basedir, 'target/go').exists() : 'nothing was built'
return true
