def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 3
def repo = new File(basedir, 'target/remote-repo/dev/gomvn/it/compare-guard/1.0')
def sha256 = { File file -> java.security.MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }

// The first release: nothing to compare with, a warning, and the release is deployed.
assert runs[0].contains('[WARNING] Nothing is published as dev.gomvn.it:compare-guard:1.0 in the project\'s repositories'
        + ' (or the mirrors settings.xml puts in their place), so there is nothing to compare the binaries built here with'
        + ' (a first release?); passing, as <failIfNotPublished> is false.')
assert runs[0].contains('BUILD SUCCESS')
def released = new File(repo, 'compare-guard-1.0-linux-amd64.bin')
assert released.isFile()
def releasedSha256 = sha256(released)

// Rebuilt (forced): the same bytes as published.
assert runs[1].contains('[INFO] 1 binary (linux-amd64) built here are those published as dev.gomvn.it:compare-guard:1.0, byte for byte.')
assert runs[1].contains('BUILD SUCCESS')

// Another -X value: refused in verify, naming the variable with both values; nothing installed or uploaded.
def refused = runs[2]
assert refused.contains('BUILD FAILURE')
assert refused.contains('The binaries built here differ from those published as dev.gomvn.it:compare-guard:1.0:')
assert refused.contains('- linker variable (-X) main.version=1.0-changed here, main.version=1.0 published')
assert !refused.contains('--- install:') && !refused.contains('--- deploy:')
assert sha256(released) == releasedSha256
def published = new File(repo, 'compare-guard-1.0.sha256sums').readLines()
assert published.any { it.startsWith(releasedSha256 + '  compare-guard-1.0-linux-amd64.bin') }
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'compare-guard', ['go.mod', 'main.go'])
return true
