def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
def uuid = 'github.com/google/uuid@v1.6.0'

// Run 1, validate only: the rule downloaded the module graph into the module cache under go.cacheDirectory.
assert runs[0].contains('requireGoSumVerified passed')
assert new File(basedir, "rules-cache/mod/${uuid}/uuid.go").isFile() : 'the rule did not use rules-cache/mod'

// Run 2: go:build and go:test compiled into ci-cache/go-build and read modules from ci-cache/mod.
assert runs[1].contains('BUILD SUCCESS')
assert runs[1].contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, "ci-cache/mod/${uuid}/uuid.go").isFile()
assert new File(basedir, 'ci-cache/go-build/README').isFile() : 'go did not use ci-cache/go-build as GOCACHE'
assert new File(basedir, 'ci-cache/go-build').listFiles().findAll { it.isDirectory() }.size() > 10

evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-cache-directory', ['go.mod', 'go.sum'])
return true
