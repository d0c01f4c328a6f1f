def log = new File(basedir, 'build.log').text
def repo = new File(basedir, 'target/remote-repo/dev/gomvn/it/pipeline-deploy/1.0')
['linux-amd64.bin', 'linux-arm64.bin', 'darwin-arm64.bin', 'windows-amd64.exe'].each {
    assert new File(repo, "pipeline-deploy-1.0-${it}").isFile() : "not deployed: ${it}"
}
def sums = new File(repo, 'pipeline-deploy-1.0.sha256sums')
assert sums.isFile() && sums.readLines().size() == 4
assert new File(repo, 'pipeline-deploy-1.0.pom').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// Batch output: plain lines, no carriage-return progress.
assert !log.contains('\r')
// The offline run rebuilt nothing: every target was up to date.
assert log.findAll(/up to date/).size() >= 4
return true
