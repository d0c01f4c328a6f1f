import java.security.MessageDigest

def bin = new File(basedir, 'target/go/bin')
def expected = [
    'linux_amd64/server', 'linux_amd64/cli',
    'linux_arm64/server', 'linux_arm64/cli',
    'darwin_arm64/server', 'darwin_arm64/cli',
    'windows_amd64/server.exe', 'windows_amd64/cli.exe',
]
expected.each { assert new File(bin, it).isFile() : "missing binary ${it}" }

def header = { String path, int count -> def b = new byte[count]; new File(bin, path).withInputStream { it.read(b) }; b }
// ELF, 64-bit little endian, machine 62 (amd64) / 183 (arm64)
def elf = header('linux_amd64/server', 20)
assert elf[0] == 0x7f && elf[1] == 'E' as char && elf[4] == 2 && elf[5] == 1 && elf[18] == 62
assert header('linux_arm64/cli', 20)[18] == (byte) 183
// Mach-O 64 little endian, cputype 0x0100000c (arm64)
def macho = header('darwin_arm64/server', 8)
assert (macho[0] & 0xff) == 0xcf && (macho[1] & 0xff) == 0xfa && (macho[4] & 0xff) == 0x0c && (macho[7] & 0xff) == 0x01
// PE: MZ, then PE\0\0 and machine 0x8664
def pe = header('windows_amd64/server.exe', 512)
assert pe[0] == 'M' as char && pe[1] == 'Z' as char
int peOffset = (pe[0x3c] & 0xff) | ((pe[0x3d] & 0xff) << 8)
assert pe[peOffset] == 'P' as char && (pe[peOffset + 4] & 0xff) == 0x64 && (pe[peOffset + 5] & 0xff) == 0x86

def sums = new File(bin, 'SHA256SUMS').readLines()
// Each binary and its SBOM (<name>.cdx.json beside it).
assert sums.size() == 16
expected.each { path -> assert sums.any { it.endsWith("  ${path.replaceFirst(/(\.exe)?$/, '.cdx.json')}") } }
sums.each { line ->
    def (sha, name) = line.split('  ')
    def actual = MessageDigest.getInstance('SHA-256').digest(new File(bin, name).bytes).encodeHex().toString()
    assert sha == actual : "SHA256SUMS disagrees for ${name}"
}

def repo = new File(localRepositoryPath, 'dev/gomvn/it/build-matrix/1.0-SNAPSHOT')
['server-linux-amd64.bin', 'cli-linux-arm64.bin', 'server-darwin-arm64.bin', 'cli-windows-amd64.exe', 'sha256sums.txt'].each {
    assert new File(repo, "build-matrix-1.0-SNAPSHOT-${it}").isFile() : "not installed: ${it}"
}
// Every binary installed under its classifier, byte for byte the one built, and SHA256SUMS with them.
expected.each { path ->
    def (platform, file) = path.split('/')
    def (name, extension) = file.endsWith('.exe') ? [file - '.exe', 'exe'] : [file, 'bin']
    def installed = new File(repo, "build-matrix-1.0-SNAPSHOT-${name}-${platform.replace('_', '-')}.${extension}")
    assert installed.isFile() : "not installed: ${path}"
    assert installed.bytes == new File(bin, path).bytes : "installed ${installed.name} differs from ${path}"
}
// The installed checksum list names the installed files, so sha256sum -c works beside them.
def installedSums = new File(repo, 'build-matrix-1.0-SNAPSHOT-sha256sums.txt').readLines()
// Eight binaries, their SBOMs and the provenance statement.
assert installedSums.size() == 17
installedSums.each { line ->
    def (sha, name) = line.split('  ')
    assert name ==~ /build-matrix-1\.0-SNAPSHOT-((server|cli)-[a-z0-9]+-[a-z0-9]+(\.bin|\.exe|-cyclonedx\.json)|provenance\.intoto\.json)/
    assert MessageDigest.getInstance('SHA-256').digest(new File(repo, name).bytes).encodeHex().toString() == sha : "${name} does not match"
}

def log = new File(basedir, 'build.log').text
// One line per binary: its target, its file name and the start of the digest SHA256SUMS holds for it.
sums.findAll { !it.endsWith('.cdx.json') }.each { line ->
    def (sha, name) = line.split('  ')
    def (platform, file) = name.split('/')
    def target = platform.replace('_', '/')
    assert log =~ /(?m)^\[INFO\] \Q${target}\E +\Q${file}\E +.* sha256:${sha.substring(0, 12)} /
}
assert log.contains("[INFO] 8 verified binaries (0 up to date) in ${bin.toPath().toAbsolutePath().normalize()}, checksums in ")
// <linkerVariables> reached the linker: on a linux/amd64 host, both binaries print main.greeting as configured.
def host = [System.getProperty('os.name'), System.getProperty('os.arch')]
if (host == ['Linux', 'amd64']) {
    ['server', 'cli'].each { name ->
        def out = new ProcessBuilder(new File(bin, "linux_amd64/${name}").path).redirectErrorStream(true).start().text
        assert out.contains('hello from gomvn') : "${name} printed: ${out}"
    }
}
return true
