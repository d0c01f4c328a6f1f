def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def dir = basedir.toPath().toAbsolutePath().normalize()
def db = new File(repositoryRoot, 'examples/vulndb').toPath().toAbsolutePath().normalize()
// Present but not reached: information, not failure.
assert log.contains('[INFO] requireNoKnownVulnerabilities: GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in golang.org/x/text/language: '
        + 'golang.org/x/text v0.3.6 is in use; not reached: the vulnerable package is imported but no vulnerable function is called\n')
assert log.contains("[INFO] requireNoKnownVulnerabilities passed for ${dir}: no known vulnerability reachable (1 more is present but not reached; "
        + "govulncheck v1.9.0, scan level symbol, database: ${db})\n")

// govulncheck was installed with go into gomvn's cache, never into this module.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-vuln-not-reached', ['go.mod', 'go.sum'])
assert !new File(basedir, 'go.work').exists()
return true
