def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// The given compilers won: nothing was provisioned.
assert !log.contains('Zig')

def programs = evaluate(new File(repositoryRoot, 'src/it/run-program.groovy'))
def run = programs.run
def onPath = programs.onPath
assert onPath('qemu-aarch64-static') : 'qemu-aarch64-static is missing: src/it/install-cross.sh installs it (Debian qemu-user-static)'

def arm64 = new File(basedir, 'target/go/bin/linux_arm64/cgo-hello')
def elf = run(['readelf', '-h', '-l', '-W', arm64.path])
assert elf.contains('AArch64')
assert elf.contains('[Requesting program interpreter: /lib/ld-linux-aarch64.so.1]')
assert run(['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu', arm64.path]).trim() == 'hello from C on linux/arm64'
assert run([new File(basedir, 'target/go/bin/linux_amd64/cgo-hello').path]).trim() == 'hello from C on linux/amd64'

// Debian 12's cross glibc is 2.36: the C start-up code needs 2.34, and the summary line says so (no floor was set,
// so it is reported, not enforced).
def needed = (run(['readelf', '-V', '-W', arm64.path]) =~ /Name: GLIBC_([0-9.]+)\s/).collect { it[1] }
assert needed.contains('2.34')
assert log =~ /(?m)^\[INFO\] linux\/arm64\s+cgo-hello\s.*\s+glibc >= 2\.34$/
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-cgo-cross-gcc', ['go.mod', 'main.go'])
return true
