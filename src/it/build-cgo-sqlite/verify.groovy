def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /C compiler for cgo on linux\/amd64, linux\/arm64, linux\/arm64@musl, windows\/amd64: Zig 0\.17\.1 \(.*, verified by the minisign signature /

def programs = evaluate(new File(repositoryRoot, 'src/it/run-program.groovy'))
def run = programs.run
def bin = new File(basedir, 'target/go/bin')
def binary = { String directory -> new File(bin, "${directory}/sqlite-version${directory.startsWith('windows') ? '.exe' : ''}") }
def sbom = { String directory ->
    new groovy.json.JsonSlurper().parse(new File(bin, "${directory}/sqlite-version.cdx.json")).metadata.properties
            .groupBy { it.name }.collectEntries { name, entries -> [(name): entries*.value] }
}

// Each Linux binary opens a database: natively, under qemu-user in Debian's arm64 glibc, and static musl with nothing.
assert run([binary('linux_amd64').path]) =~ /^sqlite 3\.\d+\.\d+\n$/
assert run(['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu', binary('linux_arm64').path]) =~ /^sqlite 3\.\d+\.\d+\n$/
assert run(['qemu-aarch64-static', binary('linux_arm64_musl').path]) =~ /^sqlite 3\.\d+\.\d+\n$/

for (directory in ['linux_amd64', 'linux_arm64']) {
    def needed = (run(['readelf', '-V', '-W', binary(directory).path]) =~ /Name: GLIBC_([0-9.]+)\s/).collect { it[1] }
    assert needed.every { v -> def (major, minor) = v.tokenize('.')*.toInteger(); major == 2 && minor <= 28 }
    def properties = sbom(directory)
    assert properties['gomvn:runtime:linkage'] == ['dynamic']
    assert properties['gomvn:runtime:libc'] == ['glibc']
    assert properties['gomvn:runtime:library'].contains('libc.so.6')
    assert log =~ /(?m)^\[INFO\] linux\/${directory.substring(6)}\s+sqlite-version\s.*\s+glibc >= ${java.util.regex.Pattern.quote(properties['gomvn:runtime:libc:version'][0])}$/
}
assert !run(['readelf', '-l', '-d', '-W', binary('linux_arm64_musl').path]).contains('(NEEDED)')
assert sbom('linux_arm64_musl')['gomvn:runtime:linkage'] == ['static']
assert log =~ /(?m)^\[INFO\] linux\/arm64@musl\s+sqlite-version\s.*\s+static$/

// Windows: not run here, but its PE imports are read and stated; it needs no DLL beyond Windows' own.
def windows = sbom('windows_amd64')['gomvn:runtime:library']*.toLowerCase()
assert windows.contains('kernel32.dll')
assert windows.every { it in ['kernel32.dll', 'msvcrt.dll', 'ucrtbase.dll', 'advapi32.dll', 'ws2_32.dll', 'ntdll.dll', 'winmm.dll', 'user32.dll', 'bcrypt.dll', 'shell32.dll'] || it.startsWith('api-ms-win-') } : windows
assert log =~ /(?m)^\[INFO\] windows\/amd64\s+sqlite-version\.exe\s.*\s+imports KERNEL32\.dll, the UCRT \(\d+ api-ms-win-crt DLLs\)$/
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-cgo-sqlite', ['go.mod', 'go.sum', 'main.go'])
return true
