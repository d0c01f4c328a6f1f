import java.security.KeyFactory
import java.security.Signature
import java.security.spec.X509EncodedKeySpec

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 4
assert runs[0].contains('BUILD SUCCESS')

// The signatures are checked with the JDK and the public key openssl derived from the key, not with gomvn.
def pem = new File(basedir, 'keys/release-key.pub').text.replaceAll(/-----[A-Z ]+-----|\s/, '')
def publicKey = KeyFactory.getInstance('EC').generatePublic(new X509EncodedKeySpec(pem.decodeBase64()))
def signs = { byte[] content, File signature ->
    // cosign's blob signature: base64 of the ASN.1 DER ECDSA signature over SHA-256 of the file.
    def verifier = Signature.getInstance('SHA256withECDSA')
    verifier.initVerify(publicKey)
    verifier.update(content)
    verifier.verify(signature.text.trim().decodeBase64())
}

// In the output directory: SHA256SUMS signed, the public key beside it.
def bin = new File(basedir, 'target/go/bin')
assert signs(new File(bin, 'SHA256SUMS').bytes, new File(bin, 'SHA256SUMS.sig'))
assert new File(bin, 'cosign.pub').text == new File(basedir, 'keys/release-key.pub').text
assert runs[0] =~ /\[INFO\] Signed \S+SHA256SUMS with ECDSA P-256 key [0-9a-f]{16}; verify in \S+ with cosign verify-blob --key cosign.pub --signature SHA256SUMS.sig --insecure-ignore-tlog=true SHA256SUMS/

// Deployed: the published checksum list and the provenance, each with its signature beside it; nothing else signed.
def repo = new File(basedir, 'target/remote-repo/dev/gomvn/it/sign-build/1.0')
def list = new File(repo, 'sign-build-1.0.sha256sums')
def provenance = new File(repo, 'sign-build-1.0-provenance.intoto.json')
assert signs(list.bytes, new File(repo, 'sign-build-1.0.sha256sums.sig'))
assert signs(provenance.bytes, new File(repo, 'sign-build-1.0-provenance.intoto.json.sig'))
assert repo.list().findAll { it.endsWith('.sig') }.sort() ==
        ['sign-build-1.0-provenance.intoto.json.sig', 'sign-build-1.0.sha256sums.sig']
assert runs[0].contains('[INFO] Signed the published checksum list and the provenance with ECDSA P-256 key ')
assert runs[0].contains(', attached as sign-build-1.0-provenance.intoto.json.sig, sign-build-1.0.sha256sums.sig')
// The list names the provenance (so its signature covers it) and no signature (it cannot name its own).
def names = list.readLines().collect { it.split(/\s+\*?/, 2)[1] }
assert names.contains('sign-build-1.0-provenance.intoto.json')
assert names.contains('sign-build-1.0-linux-arm64.bin')
assert !names.any { it.endsWith('.sig') }
// A changed list no longer verifies: the check above can fail.
assert !signs((list.text + 'ab  extra.bin\n').bytes, new File(repo, 'sign-build-1.0.sha256sums.sig'))

// The passphrase from settings.xml is never printed.
assert !log.contains('test-passphrase')

// A key file that does not exist: refused naming the parameter and the file, before anything is built.
def refused = runs[1]
assert refused.contains('BUILD FAILURE')
assert refused.contains('<signingKey> (go.signing.key) names ' + new File(basedir, 'keys/no-such-key.pem').absolutePath
        + ', which does not exist; give the path of a PEM private key.')
assert !refused.contains('[INFO] Building . for ')
assert !new File(basedir, 'target/second').exists()

// A signed build, then one without a key in the same place: no signature stays beside the files it rewrote.
assert runs[2].contains('Signed the published checksum list')
assert runs[3].contains('BUILD SUCCESS')
assert !runs[3].contains('Signed ')
for (stale in ['stale/bin/SHA256SUMS.sig', 'stale/bin/cosign.pub', 'stale/bin/provenance.intoto.json.sig', 'go/published.sha256sums.sig']) {
    assert !new File(basedir, "target/${stale}").exists() : "${stale} was left"
}
assert new File(basedir, 'target/stale/bin/SHA256SUMS').isFile()
return true
