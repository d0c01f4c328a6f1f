// Shared by the cgo ITs' prebuild.groovy: what they test against from Debian (minisign, xz, qemu-user-static, the
// aarch64 cross gcc and its glibc), installed by src/it/install-cross.sh when missing, so that the README's test
// command passes on a fresh machine too. Use: evaluate(new File(repositoryRoot, 'src/it/cross-tools.groovy'))
def script = new File(repositoryRoot, 'src/it/install-cross.sh')
def process = ['bash', script.path].execute()
def out = new StringBuilder(), err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "src/it/install-cross.sh could not install what the cgo ITs need: ${err}${out}"
return true
