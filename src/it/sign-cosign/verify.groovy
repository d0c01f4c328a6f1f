// What a signed mvn deploy published, checked by the real cosign v2.6.5 (servers/provision.sh builds it from the Go
// module proxy) with the public key gomvn wrote. No transparency log exists here, hence --insecure-ignore-tlog.
def log = new File(basedir, 'build.log').text
def host = new File(basedir, 'registry-host.txt').text
def cosignBinary = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy')).provision('cosign')
def cosignLog = new File(basedir, 'cosign.log')
// cosign with its home and TUF cache in the IT's directory; every run and its output go to cosign.log.
def cosign = { File directory, List arguments ->
    def builder = new ProcessBuilder(([cosignBinary] + arguments)*.toString()).directory(directory).redirectErrorStream(true)
    builder.environment().put('HOME', new File(basedir, 'cosign-home').absolutePath)
    builder.environment().put('TUF_ROOT', new File(basedir, 'cosign-home/tuf').absolutePath)
    def process = builder.redirectInput(new File('/dev/null')).start()
    def output = process.inputStream.text
    int exit = process.waitFor()
    cosignLog << "\$ cosign ${arguments.join(' ')}\n${output}exit ${exit}\n"
    [exit: exit, output: output]
}
try {
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
    assert runs.size() == 2
    def pushedDigest = { String run ->
        def pushed = run =~ /(?m)^\[INFO\] Pushed 127\.0\.0\.1:\d+\/acme\/signed@(sha256:[0-9a-f]{64}) \(2 platforms\) tagged 1\.0/
        assert pushed.find() : 'no "Pushed ... tagged 1.0" line'
        pushed.group(1)
    }
    def signedDigest = pushedDigest(runs[0])
    def movedDigest = pushedDigest(runs[1])
    assert signedDigest != movedDigest
    def bin = new File(basedir, 'target/go/bin')
    def publicKey = new File(bin, 'cosign.pub').absolutePath
    assert new File(bin, 'cosign.pub').text == new File(basedir, 'keys/release-key.pub').text
    assert new File(basedir, 'target/go/image/cosign.pub').text == new File(bin, 'cosign.pub').text

    // The blobs: SHA256SUMS in the output directory, the published checksum list and provenance in the repository.
    def verifyBlob = { File file ->
        cosign(file.parentFile, ['verify-blob', '--key', publicKey, '--signature', file.name + '.sig',
                                 '--insecure-ignore-tlog=true', file.name])
    }
    def repo = new File(basedir, 'target/remote-repo/dev/gomvn/it/sign-cosign/1.0')
    for (file in [new File(bin, 'SHA256SUMS'), new File(repo, 'sign-cosign-1.0.sha256sums'),
                  new File(repo, 'sign-cosign-1.0-provenance.intoto.json')]) {
        def verified = verifyBlob(file)
        assert verified.exit == 0 : "cosign verify-blob ${file}: ${verified.output}"
        assert verified.output.contains('Verified OK')
    }

    // A tampered checksum list (one binary's digest changed) is refused.
    def tampered = new File(basedir, 'tampered')
    tampered.mkdirs()
    def list = new File(repo, 'sign-cosign-1.0.sha256sums')
    new File(tampered, list.name).text = list.text.replaceFirst(/^[0-9a-f]{8}/, '00000000')
    new File(tampered, list.name + '.sig').bytes = new File(repo, list.name + '.sig').bytes
    def refused = verifyBlob(new File(tampered, list.name))
    assert refused.exit != 0
    assert refused.output.contains('invalid signature')

    // The image: its signature and its SLSA provenance attestation, by digest.
    def image = "${host}/acme/signed"
    def verified = cosign(basedir, ['verify', '--key', publicKey, '--insecure-ignore-tlog=true', "${image}@${signedDigest}"])
    assert verified.exit == 0 : verified.output
    assert verified.output.contains('The signatures were verified against the specified public key')
    def attested = cosign(basedir, ['verify-attestation', '--key', publicKey, '--type', 'slsaprovenance1',
                                    '--insecure-ignore-tlog=true', "${image}@${signedDigest}"])
    assert attested.exit == 0 : attested.output
    // The attested statement's subject is the image, its predicate go:build's provenance.
    def envelope = new groovy.json.JsonSlurper().parseText(attested.output.readLines().find { it.startsWith('{') })
    def statement = new groovy.json.JsonSlurper().parseText(new String(envelope.payload.decodeBase64(), 'UTF-8'))
    assert statement.predicateType == 'https://slsa.dev/provenance/v1'
    assert statement.subject*.digest.sha256 == [signedDigest - 'sha256:']
    def provenance = new groovy.json.JsonSlurper().parse(new File(repo, 'sign-cosign-1.0-provenance.intoto.json'))
    assert statement.predicate == provenance.predicate

    // The tag moved to another image (pushed unsigned by run 2): cosign refuses the tag.
    def moved = cosign(basedir, ['verify', '--key', publicKey, '--insecure-ignore-tlog=true', "${image}:1.0"])
    assert moved.exit != 0
    assert moved.output.contains('no signatures found') || moved.output.contains('no matching signatures')
    assert !runs[1].contains('Signed ')

    // The passphrase reached neither the log nor any file under target/.
    assert !log.contains('test-passphrase')
    evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'sign-cosign', ['go.mod', 'main.go'])
} finally {
    def pid = new File(basedir, 'registry/registry.pid')
    if (pid.exists()) {
        ['kill', pid.text.trim()].execute().waitFor()
    }
}
return true
