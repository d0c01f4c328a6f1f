import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def repo = new File(basedir, 'target/remote-repo/dev/gomvn/it/pipeline-deploy/1.0')
['linux-amd64.bin', 'linux-arm64.bin', 'darwin-arm64.bin', 'windows-amd64.exe'].each {
    assert new File(repo, "pipeline-deploy-1.0-${it}").isFile() : "not deployed: ${it}"
    def sbom = "pipeline-deploy-1.0-${it.replaceFirst(/\.(bin|exe)$/, '-cyclonedx.json')}"
    assert new File(repo, sbom).isFile() : "not deployed: ${sbom}"
}
def sums = new File(repo, 'pipeline-deploy-1.0.sha256sums')
// Four binaries, their SBOMs and the provenance statement.
assert sums.isFile() && sums.readLines().size() == 9
assert new File(repo, 'pipeline-deploy-1.0.pom').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// Batch output: plain lines, no carriage-return progress.
assert !log.contains('\r')
// The deployed checksum list names the deployed binaries, which are the ones built.
sums.readLines().each { line ->
    def (sha, name) = line.split('  ')
    def deployed = new File(repo, name)
    assert deployed.isFile() : "${name} is not a deployed file"
    assert MessageDigest.getInstance('SHA-256').digest(deployed.bytes).encodeHex().toString() == sha : "${deployed.name} does not match the list"
    if (name.endsWith('-provenance.intoto.json')) {
        assert deployed.bytes == new File(basedir, 'target/go/bin/provenance.intoto.json').bytes
        return
    }
    def (classifier, extension) = (name - 'pipeline-deploy-1.0-').split('\\.')
    def platform = classifier - '-cyclonedx'
    def file = extension == 'json' ? 'pipeline-deploy.cdx.json' : "pipeline-deploy${extension == 'exe' ? '.exe' : ''}"
    def built = new File(basedir, "target/go/bin/${platform.replace('-', '_')}/${file}")
    assert deployed.bytes == built.bytes
}

def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
def bin = new File(basedir, 'target/go/bin').toPath().toAbsolutePath().normalize()
// Run 1 built all four targets and ran the test.
assert runs[0].contains("[INFO] 4 verified binaries (0 up to date) in ${bin}, ")
assert runs[0].contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert runs[0].contains('BUILD SUCCESS')
// The offline run rebuilt nothing: every target was up to date.
def log2 = runs[1]
assert log2.findAll(/up to date/).size() >= 4
assert log2.readLines().count { it ==~ /\[INFO\] \S+\/\S+ +pipeline-deploy(\.exe)? +.* sha256:[0-9a-f]{12} +up to date/ } == 4
assert log2.contains("[INFO] 4 verified binaries (4 up to date) in ${bin}, ")
assert log2.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log2.contains('BUILD SUCCESS')
return true
