def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 5

// The release was deployed.
def repo = new File(basedir, 'target/remote-repo/dev/gomvn/it/compare-published/1.0')
assert new File(repo, 'compare-published-1.0-linux-amd64.bin').isFile()
assert new File(repo, 'compare-published-1.0.sha256sums').isFile()
assert runs[0].contains('BUILD SUCCESS')

// The rebuild elsewhere, with its own GOCACHE and two targets at once, made the same bytes.
assert new File(basedir, 'target/rebuild/target/go-cache').isDirectory()
assert runs[1].contains('[INFO] 2 binaries (linux-amd64, linux-arm64) built here are those published as'
        + ' dev.gomvn.it:compare-published:1.0, byte for byte.')
assert runs[1].contains('BUILD SUCCESS')
assert new File(basedir, 'target/rebuild/pom.xml').text.contains('<TZ>Pacific/Chatham</TZ>')

// Offline, from what the local repository keeps of the published files: the same verdict.
assert runs[2].contains('[INFO] 2 binaries (linux-amd64, linux-arm64) built here are those published as'
        + ' dev.gomvn.it:compare-published:1.0, byte for byte.')
assert runs[2].contains('BUILD SUCCESS')

// Another -X value: the failure names the linker variable with both values, for each binary, and nothing else.
def failed = runs[3]
assert failed.contains('BUILD FAILURE')
// (Compared with the list at its URL, which the message names.)
def listUrl = 'file:' + new File(repo, 'compare-published-1.0.sha256sums').absolutePath
assert failed.contains('The binaries built here differ from those published as ' + listUrl)
['linux-amd64', 'linux-arm64'].each { classifier ->
    assert failed =~ /(?m)^\[ERROR\]\s+${classifier}: SHA-256 [0-9a-f]{12} here, [0-9a-f]{12} published$/
}
assert failed.findAll('- linker variable \\(-X\\) main.version=1.0-changed here, main.version=1.0 published').size() >= 2
assert !failed.contains('build setting')
assert !failed.contains('Go version')
assert failed.contains('Do not deploy these binaries over the published ones')

// mvn deploy with the guard: refused, nothing uploaded, the repository still holds the release's bytes.
def guarded = runs[4]
assert guarded.contains('BUILD FAILURE')
assert guarded.contains('--- go:0.1.0-SNAPSHOT:compare (compare-before-deploy)') || guarded =~ /--- go:\S+:compare \(compare-before-deploy\)/
assert guarded.contains('- linker variable (-X) main.version=1.0-changed here, main.version=1.0 published')
assert !guarded.contains('Uploading to published') && !guarded.contains('Uploaded to published')
assert !guarded.contains('--- install:') && !guarded.contains('--- deploy:')
def sums = new File(repo, 'compare-published-1.0.sha256sums').readLines().collectEntries { line ->
    def (sha, name) = line.split(/\s+\*?/, 2)
    [(name): sha]
}
def published = new File(repo, 'compare-published-1.0-linux-amd64.bin')
assert java.security.MessageDigest.getInstance('SHA-256').digest(published.bytes).encodeHex().toString() == sums['compare-published-1.0-linux-amd64.bin']
return true
