import java.security.MessageDigest

def first = new File(basedir, 'target/first/SHA256SUMS').text
def second = new File(basedir, 'target/second/SHA256SUMS').text
// Two binaries and their SBOMs: the same binary gives the same SBOM bytes.
assert first.readLines().size() == 4
assert first.readLines().count { it.endsWith('.cdx.json') } == 2
assert first == second : "binaries differ between builds:\n${first}\n${second}"
// The files themselves, not just the checksum lists: each matches its SHA256SUMS line and its twin byte for byte.
first.readLines().each { line ->
    def (sha, name) = line.split('  ')
    def one = new File(basedir, "target/first/${name}")
    def two = new File(basedir, "target/second/${name}")
    assert MessageDigest.getInstance('SHA-256').digest(one.bytes).encodeHex().toString() == sha
    assert one.bytes == two.bytes : "${name} differs between the builds"
}
// The second build really compiled (force, nothing up to date) into a build cache that started empty.
def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target').toPath().toAbsolutePath().normalize()
assert log.contains("[INFO] 2 verified binaries (0 up to date) in ${target.resolve('first')}, ")
assert log.contains("[INFO] 2 verified binaries (0 up to date) in ${target.resolve('second')}, ")
assert !new File(repositoryRoot, 'src/it/build-reproducible/target').exists()
// Compiling the standard library into an empty cache takes a while: when it took long enough for progress
// lines, they say how far each target is. go build -v's package names themselves stay out of the log (-X shows them).
def lines = log.readLines()
lines.findAll { it.endsWith(' so far') }.each {
    assert it ==~ /\[INFO\] \[(linux|windows)\/amd64\] build-reproducible(\.exe)?: (loading packages(, \d+ packages to compile)?|compiling package \d+ of \d+ \(\S+\)(, then linking)?), [0-9. a-z]+ so far/
}
assert !lines.any { it ==~ /\[INFO\] \[\S+\] (runtime|fmt|unicode|internal\/\S+)/ }
// Every binary's line ends with its size in MiB and its time.
assert lines.count { it ==~ /\[INFO\] (linux|windows)\/amd64 +build-reproducible(\.exe)? +\d+\.\d MiB  sha256:[0-9a-f]{12}  [0-9. a-z]+/ } == 4
def cache = new File(basedir, 'target/second-gocache')
assert cache.isDirectory() && cache.list().length > 0 : 'the second build did not use its own GOCACHE'
return true
