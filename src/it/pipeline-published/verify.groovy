import java.security.MessageDigest

def sha256 = { File file -> MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
runs.each { assert it.contains('BUILD SUCCESS') }
def bin = new File(basedir, 'target/go/bin').toPath().toAbsolutePath().normalize().toFile()

// Run 1 installed three binaries and the checksum list that names them as the repository does.
def repo = new File(localRepositoryPath, 'dev/gomvn/it/pipeline-published/1.0-SNAPSHOT')
def published = ['linux-amd64.bin', 'linux-arm64.bin', 'windows-amd64.exe', 'linux-amd64-cyclonedx.json', 'linux-arm64-cyclonedx.json', 'windows-amd64-cyclonedx.json'].collect { "pipeline-published-1.0-SNAPSHOT-${it}" }
def list = 'pipeline-published-1.0-SNAPSHOT.sha256sums'
// A download directory as dependency:copy or a browser leaves it: the binaries and the list, side by side.
def downloads = new File(basedir, 'target/downloads')
downloads.mkdirs()
(published + [list]).each { name ->
    def installed = new File(repo, name)
    assert installed.isFile() : "not installed: ${name}"
    new File(downloads, name).bytes = installed.bytes
}
def statementName = 'pipeline-published-1.0-SNAPSHOT-provenance.intoto.json'
new File(downloads, statementName).bytes = new File(repo, statementName).bytes
def lines = new File(downloads, list).readLines()
assert lines.collect { it.split('  ')[1] } as Set == (published + [statementName]) as Set : "the list names every published binary, SBOM and the provenance, nothing else: ${lines}"
lines.each { line ->
    def (digest, name) = line.split('  ')
    assert sha256(new File(downloads, name)) == digest : "${name} does not match ${list}"
}
// ... and the tool users run on it.
if (['sh', '-c', 'command -v sha256sum'].execute().waitFor() == 0) {
    def check = new ProcessBuilder('sha256sum', '-c', list).directory(downloads).redirectErrorStream(true).start()
    def out = check.text
    assert check.waitFor() == 0 : out
    published.each { assert out.contains("${it}: OK") }
}
// The provenance installed beside them vouches for each binary and SBOM by its published name and digest, and the list
// vouches for the provenance (each names the other's digest one way only).
def statement = new groovy.json.JsonSlurper().parse(new File(repo, statementName))
assert statement._type == 'https://in-toto.io/Statement/v1' && statement.predicateType == 'https://slsa.dev/provenance/v1'
def subjects = statement.subject.collectEntries { [(it.name): it.digest.sha256] }
published.each { assert subjects[it] == sha256(new File(downloads, it)) : "the provenance disagrees on ${it}" }
assert subjects.containsKey('SHA256SUMS') && !subjects.containsKey(list)
assert runs[0].contains("Checksums of the binaries as published (pipeline-published-1.0-SNAPSHOT-<classifier>.<type>, for sha256sum -c among downloaded artifacts) in ")

// ./cmd is built as the artifactId; both linker variables arrived, the second by its import path.
def host = [System.getProperty('os.name'), System.getProperty('os.arch')]
if (host == ['Linux', 'amd64']) {
    def out = new ProcessBuilder(new File(bin, 'linux_amd64/pipeline-published').path).redirectErrorStream(true).start().text
    assert out.strip() == 'pipeline-published 1.0-SNAPSHOT 0123abc'
}

// Run 2 (-Dgo.targets=linux/amd64): the other targets' binaries left with their directories; SHA256SUMS matches.
assert bin.list() as Set == ['linux_amd64', 'SHA256SUMS', 'provenance.intoto.json'] as Set
def sums = new File(bin, 'SHA256SUMS').readLines()
assert sums == ['linux_amd64/pipeline-published', 'linux_amd64/pipeline-published.cdx.json'].collect { "${sha256(new File(bin, it))}  ${it}".toString() }
['linux_arm64/pipeline-published', 'windows_amd64/pipeline-published.exe', 'linux_arm64/pipeline-published.cdx.json', 'windows_amd64/pipeline-published.cdx.json'].each {
    assert runs[1].contains("[INFO] Removed ${new File(bin, it)}: an earlier go:build wrote it for a target or package no longer configured.")
}
// Nothing modified in the module.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'pipeline-published', ['go.mod', 'cmd/main.go'])
return true
