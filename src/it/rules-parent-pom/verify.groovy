def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def root = basedir.toPath().toAbsolutePath().normalize()
// Each bad child fails with its rule's message; the good Go child and the Java child pass.
assert log.contains("is older than go.mod's 'go 1.99' line")
assert log.contains('GO111MODULE=off (set by the go-maven-plugin <environment> in the POM) puts go in GOPATH mode')
assert log.contains("the go.sum line for github.com/google/uuid v1.6.0 disagrees with the module's real content")
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM) switches off checksum-database verification')
assert log =~ /good \.+ SUCCESS/
assert log =~ /java-lib \.+ SUCCESS/
['bad-version', 'bad-modules', 'bad-gosum', 'bad-sumdb'].each { assert log =~ /${it} \.+ FAILURE/ }

// The good Go child passed because every rule checked it.
def good = root.resolve('good')
assert log.contains("[INFO] requireGoVersion passed for ${good}: Go ${installedGoNumber} is in [1.21,) and is not older than go.mod's 'go 1.22'")
assert log.contains("[INFO] requireModules passed for ${good}: module example.com/good with 'go 1.22' in module mode")
assert log.contains("[INFO] requireGoSumVerified passed for ${good}: every module of the build matches go.sum, downloaded and checked")
assert log.contains("[INFO] forbidGosumdbOff passed for ${good}: checksum database sum.golang.org is on")
// The Java child and the aggregator went through the enforcer, which says "passed", but no rule checked them.
assert log.contains('--- enforcer:3.7.0:enforce (go-environment) @ java-lib ---')
assert !log.contains("passed for ${root.resolve('java-lib')}")
assert !log.contains("passed for ${root}:")

// Each failure belongs to its child and its rule, and that rule did not pass there.
def failure = { String child, String rule, String message ->
    int at = lines.findIndexOf { it.startsWith('[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.7.0:enforce (go-environment) on project ' + child + ':') }
    assert at >= 0 : "no enforcer failure for ${child}"
    assert lines[at + 1].startsWith("[ERROR] Rule ") && lines[at + 1].endsWith(": dev.gomvn.enforcer.${rule} failed with message:")
    assert lines[at + 2].startsWith('[ERROR] ' + message)
    def ruleName = rule[0].toLowerCase() + rule.substring(1)
    assert !log.contains("${ruleName} passed for ${root.resolve(child)}")
}
failure('bad-version', 'RequireGoVersion', "Go ${installedGoNumber} (GOROOT ")
assert log.contains("is older than go.mod's 'go 1.99' line in ${root.resolve('bad-version/go.mod')}")
failure('bad-modules', 'RequireModules', 'GO111MODULE=off (set by the go-maven-plugin <environment> in the POM) puts go in GOPATH mode')
failure('bad-gosum', 'RequireGoSumVerified', "go.sum of ${root.resolve('bad-gosum')} is not verified:")
assert log.contains("${root.resolve('bad-gosum/go.sum')}:1: the go.sum line for github.com/google/uuid v1.6.0 disagrees")
failure('bad-sumdb', 'ForbidGosumdbOff', 'GOSUMDB=off (set by the go-maven-plugin <environment> in the POM) switches off checksum-database verification')

// Nothing modified: every Go child's go.mod and go.sum byte for byte as committed in src/it/rules-parent-pom.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-parent-pom',
        ['good', 'bad-version', 'bad-modules', 'bad-gosum', 'bad-sumdb'].collectMany { [it + '/go.mod', it + '/go.sum'] })
return true
