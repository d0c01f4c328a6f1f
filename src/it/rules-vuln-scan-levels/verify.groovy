def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 3
def dir = basedir.toPath().toAbsolutePath().normalize()
def db = new File(repositoryRoot, 'examples/vulndb').toPath().toAbsolutePath().normalize()
def failure = { String level, String reachedBy -> """[ERROR] Rule 0: dev.gomvn.enforcer.RequireNoKnownVulnerabilities failed with message:
[ERROR] 1 known vulnerability is reachable from ${dir} (govulncheck v1.9.0, scan level ${level}, database: ${db}):
[ERROR] GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in golang.org/x/text/language
[ERROR]   golang.org/x/text v0.3.6 is in use, fixed in v0.3.7
[ERROR]   ${reachedBy}
[ERROR]   Fix: go get golang.org/x/text@v0.3.7 && go mod tidy, then commit go.mod and go.sum.
""" }

// module: required is reached (govulncheck takes no package pattern at this level).
assert runs[0].contains('BUILD FAILURE')
assert runs[0].contains(failure('module', 'required module: golang.org/x/text'))
// package: imported is reached.
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains(failure('package', 'imported package: golang.org/x/text/language'))
// symbol: Parse is never called, so the vulnerability is listed and the build passes.
assert runs[2].contains('BUILD SUCCESS')
assert runs[2].contains('[INFO] requireNoKnownVulnerabilities: GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in golang.org/x/text/language: '
        + 'golang.org/x/text v0.3.6 is in use; not reached: the vulnerable package is imported but no vulnerable function is called\n')
runs.each { assert !it.contains('GO-2022-0493') && !it.contains("run 'go build ./...'") }

evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-vuln-scan-levels', ['go.mod', 'go.sum'])
return true
