def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')

// One failure: the OSV id with its aliases, the module and version in use, the fix, one call path from main.
def dir = basedir.toPath().toAbsolutePath().normalize()
def db = new File(repositoryRoot, 'examples/vulndb').toPath().toAbsolutePath().normalize()
assert log.contains("""[ERROR] Rule 0: dev.gomvn.enforcer.RequireNoKnownVulnerabilities failed with message:
[ERROR] 1 known vulnerability is reachable from ${dir} (govulncheck v1.9.0, scan level symbol, database: ${db}):
[ERROR] GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in golang.org/x/text/language
[ERROR]   golang.org/x/text v0.3.6 is in use, fixed in v0.3.7
[ERROR]   call path: example.com/rules-vuln-reachable.main (main.go:13:28) -> golang.org/x/text/language.Parse
[ERROR]   Fix: go get golang.org/x/text@v0.3.7 && go mod tidy, then commit go.mod and go.sum.
""")
assert !log.contains('requireNoKnownVulnerabilities passed')
// The ignore of an id that is not found is reported, not silently kept.
assert log.contains('[WARNING] The <ignore> of GO-2099-0001 matches no vulnerability govulncheck found in this module; remove it from <ignores>.')

evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-vuln-reachable', ['go.mod', 'go.sum'])
return true
