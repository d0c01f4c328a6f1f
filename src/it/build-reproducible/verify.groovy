import java.security.MessageDigest

def first = new File(basedir, 'target/first/SHA256SUMS').text
def second = new File(basedir, 'target/second/SHA256SUMS').text
assert first.readLines().size() == 2
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
def cache = new File(basedir, 'target/second-gocache')
assert cache.isDirectory() && cache.list().length > 0 : 'the second build did not use its own GOCACHE'
return true
