def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// Zig came from the mirror, verified by its signature, and is the C compiler of every target.
assert log =~ /Installing Zig 0\.17\.1 .* from file:/
assert log =~ /C compiler for cgo on linux\/amd64, linux\/arm64@glibc2\.28, linux\/arm64@musl: Zig 0\.17\.1 \(.*, verified by the minisign signature /

def programs = evaluate(new File(repositoryRoot, 'src/it/run-program.groovy'))
def run = programs.run
def onPath = programs.onPath
assert onPath('qemu-aarch64-static') : 'qemu-aarch64-static is missing: src/it/install-cross.sh installs it (Debian qemu-user-static)'
assert new File('/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1').isFile() : 'no arm64 glibc to run on: src/it/install-cross.sh installs it (Debian libc6-arm64-cross)'

def bin = new File(basedir, 'target/go/bin')
def amd64 = new File(bin, 'linux_amd64/cgo-hello')
def arm64 = new File(bin, 'linux_arm64/cgo-hello')
def musl = new File(bin, 'linux_arm64_musl/cgo-hello')

// "It built" is not "it runs": each binary runs where it is meant to.
assert run([amd64.path]).trim() == 'hello from C on linux/amd64'
assert run(['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu', arm64.path]).trim() == 'hello from C on linux/arm64'
// A static musl binary needs nothing from the machine: no sysroot for qemu.
assert run(['qemu-aarch64-static', musl.path]).trim() == 'hello from C on linux/arm64'

// What readelf (an outside reader) says each needs, and that the build said the same.
def newer = { String a, String b ->
    def x = a.tokenize('.')*.toInteger(), y = b.tokenize('.')*.toInteger()
    def differing = (0..<Math.min(x.size(), y.size())).find { x[it] != y[it] }
    differing != null ? x[differing] <=> y[differing] : x.size() <=> y.size()
}
def highestGlibc = { File file ->
    (run(['readelf', '-V', '-W', file.path]) =~ /Name: GLIBC_([0-9.]+)\s/).collect { it[1] }.max(newer)
}
for (glibc in [amd64, arm64]) {
    def needed = highestGlibc(glibc)
    assert newer(needed, '2.28') <= 0 : "${glibc} needs GLIBC_${needed}, beyond the floor 2.28"
    assert run(['readelf', '-l', '-W', glibc.path]).contains('Requesting program interpreter')
    def target = glibc.parentFile.name == 'linux_amd64' ? 'linux/amd64' : 'linux/arm64@glibc2.28'
    assert log =~ /(?m)^\[INFO\] ${java.util.regex.Pattern.quote(target)}\s+cgo-hello\s.*\s+glibc >= ${java.util.regex.Pattern.quote(needed)}$/
    def sbom = new groovy.json.JsonSlurper().parse(new File(glibc.parentFile, 'cgo-hello.cdx.json'))
    def properties = sbom.metadata.properties.collectEntries { [(it.name): it.value] }
    assert properties['gomvn:runtime:linkage'] == 'dynamic'
    assert properties['gomvn:runtime:libc'] == 'glibc'
    assert properties['gomvn:runtime:libc:version'] == needed
}
def muslElf = run(['readelf', '-l', '-d', '-W', musl.path])
assert !muslElf.contains('Requesting program interpreter') && !muslElf.contains('(NEEDED)')
assert log =~ /(?m)^\[INFO\] linux\/arm64@musl\s+cgo-hello\s.*\s+static$/
def muslSbom = new groovy.json.JsonSlurper().parse(new File(musl.parentFile, 'cgo-hello.cdx.json'))
assert muslSbom.metadata.properties.find { it.name == 'gomvn:runtime:linkage' }.value == 'static'

// Attached with the libc in the classifier, so the two arm64 binaries do not overwrite each other.
def published = new File(basedir, 'target/go/published.sha256sums').text
assert published.contains('cgo-hello-1.0-SNAPSHOT-linux-arm64.bin')
assert published.contains('cgo-hello-1.0-SNAPSHOT-linux-arm64-musl.bin')

// Reproducible: the other checkout's glibc binaries are the same bytes, and name no checkout (Zig records where it
// compiled its C library; gomvn has it compiled in Zig's cache). musl binaries still name the checkout in their debug
// information, and Windows ones are not reproducible: README "cgo targets" says what is and is not.
for (directory in ['linux_amd64', 'linux_arm64']) {
    // ISO-8859-1 maps each byte to one char: a search in the binary's bytes.
    def text = new String(new File(bin, "${directory}/cgo-hello").bytes, 'ISO-8859-1')
    // This IT keeps its SDK directory (Zig) inside the checkout: only that may be named.
    def named = (text =~ /${java.util.regex.Pattern.quote(basedir.canonicalPath)}[^\u0000]*/).collect { it }
    assert named.every { it.startsWith(basedir.canonicalPath + '/sdk') } : "${directory} names the checkout: ${named.unique().take(3)}"
    def other = new File(basedir, "elsewhere/other-checkout/target/go/bin/${directory}/cgo-hello")
    assert other.bytes == new File(bin, "${directory}/cgo-hello").bytes : "${directory}: the other checkout's binary differs"
}
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-cgo-zig', ['go.mod', 'main.go'])
return true
