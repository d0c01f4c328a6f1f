def log = new File(basedir, 'build.log').text
def host = new File(basedir, 'registry-host.txt').text
try {
    def pushed = log =~ /(?m)^\[INFO\] Pushed 127\.0\.0\.1:\d+\/acme\/tool@(sha256:[0-9a-f]{64}) \(1 platform\) tagged 1\.0/
    assert pushed.find() : 'no "Pushed ... tagged 1.0" line'
    def digest = pushed.group(1)

    // Every registry request went through the proxy with its login: blob checks and uploads, the manifests, the
    // tag, and the read-back of the tag.
    def requests = new File(basedir, 'proxy-requests.log').readLines()
    def passed = requests.findAll { it.startsWith('passed ') }
    assert passed.any { it.startsWith("passed HEAD http://${host}/v2/acme/tool/blobs/sha256:") }
    assert passed.any { it.startsWith("passed POST http://${host}/v2/acme/tool/blobs/uploads/") }
    assert passed.contains("passed PUT http://${host}/v2/acme/tool/manifests/${digest}".toString())
    assert passed.contains("passed PUT http://${host}/v2/acme/tool/manifests/1.0".toString())
    assert passed.any { it ==~ /passed (GET|HEAD) http:\/\/${java.util.regex.Pattern.quote(host)}\/v2\/acme\/tool\/manifests\/1\.0/ }
    assert requests.every { it.contains(" http://${host}/v2/") } : "a request to something else than the registry: ${requests}"

    // The registry holds the tag, pointing at the digest gomvn printed.
    def tag = new URL("http://${host}/v2/acme/tool/manifests/1.0").openConnection()
    tag.setRequestProperty('Accept', 'application/vnd.oci.image.index.v1+json')
    assert tag.responseCode == 200
    assert tag.getHeaderField('Docker-Content-Digest') == digest

    // The proxy's login is never printed.
    assert !log.contains('proxy-s3cret')
    assert !new File(basedir, 'target').listFiles().any { f -> f.isFile() && f.text.contains('proxy-s3cret') }

    evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'image-push-proxy', ['go.mod', 'main.go'])
} finally {
    for (pid in [new File(basedir, 'registry/registry.pid'), new File(basedir, 'proxy.pid')]) {
        if (pid.exists()) {
            ['kill', pid.text.trim()].execute().waitFor()
        }
    }
}
return true
