System.properties.remove('gomvn.it.vulnServer')?.stop(0)
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 3
def url = new File(basedir, 'database.url').text
def dir = basedir.toPath().toAbsolutePath().normalize()
def copy = new File(basedir, '../../local-repo/.cache/gomvn/vulndb/' + url.replaceFirst('^http://', '').replaceAll('[^A-Za-z0-9.-]+', '_'))
        .toPath().toAbsolutePath().normalize()

// 1. Offline before any online run: no copy, a clear failure naming the settings.
assert runs[0].contains('BUILD FAILURE')
assert runs[0].contains("Maven runs offline (-o) and there is no local copy of the vulnerability database ${url} yet, so the module "
        + "cannot be checked for known vulnerabilities. Fix: run once online to download it (into ${copy}), point <database> at a "
        + "file: mirror, or set <offline>warn</offline> to only warn when offline.")

// 2. Online: the indexes and the entries of x/text and the standard library are copied.
assert runs[1].contains('BUILD SUCCESS')
assert runs[1].contains("[INFO] requireNoKnownVulnerabilities passed for ${dir}: no known vulnerability reachable (1 more is present but not "
        + "reached; govulncheck v1.9.0, scan level symbol, database: ${url} (database modified 2024-05-20T16:03:47Z, 2 entries downloaded))\n")
assert new File(copy.toFile(), 'ID/GO-2021-0113.json').isFile()
assert new File(copy.toFile(), 'index/modules.json').isFile()

// 3. Offline again: the copy answers, and the rule says how old it is.
assert runs[2].contains('BUILD SUCCESS')
assert runs[2] =~ /\[INFO\] requireNoKnownVulnerabilities passed for \Q${dir}\E: no known vulnerability reachable \(1 more is present but not reached; govulncheck v1\.9\.0, scan level symbol, database: the local copy of \Q${url}\E \(database modified 2024-05-20T16:03:47Z, downloaded [^;]+ ago; Maven runs offline, -o\)\)/
assert runs[2].contains('not reached: the vulnerable package is imported but no vulnerable function is called')

evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-vuln-offline', ['go.mod', 'go.sum'])
return true
