def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2

// While the ignore holds: a warning with the reason and the date, and the build goes on.
assert runs[0].contains('BUILD SUCCESS')
assert runs[0].contains('[WARNING] Ignored as configured (tags come from our own constants, never from users, until 2999-12-31): '
        + 'GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in golang.org/x/text/language\n'
        + '  golang.org/x/text v0.3.6 is in use, fixed in v0.3.7\n'
        + '  call path: example.com/rules-vuln-ignored.main (main.go:13:28) -> golang.org/x/text/language.Parse\n')
def dir = basedir.toPath().toAbsolutePath().normalize()
def db = new File(repositoryRoot, 'examples/vulndb').toPath().toAbsolutePath().normalize()
assert runs[0].contains("[INFO] requireNoKnownVulnerabilities passed for ${dir}: no known vulnerability reachable "
        + "(govulncheck v1.9.0, scan level symbol, database: ${db})\n")

// After its expiry date it fails again, and says the ignore expired.
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains('[ERROR]   call path: example.com/rules-vuln-ignored.main (main.go:13:28) -> golang.org/x/text/language.Parse\n'
        + '[ERROR]   The <ignore> of GO-2021-0113 expired on 2020-01-31 (reason: tags come from our own constants, never from users): '
        + 'review it and move its <expires>, or fix the vulnerability.\n'
        + '[ERROR]   Fix: go get golang.org/x/text@v0.3.7 && go mod tidy, then commit go.mod and go.sum.\n')
return true
