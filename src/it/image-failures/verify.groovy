def log = new File(basedir, 'build.log').text
def host = new File(basedir, 'registry-host.txt').text
try {
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
    assert runs.size() == 5

    // 1. Unreachable: the image was assembled, the push failed at its first request, naming the registry.
    assert runs[0] =~ /(?m)^\[ERROR\] Failed to execute goal dev\.gomvn:go-maven-plugin:[^:]+:image-push \(default-cli\) on project image-failures: Could not reach the registry 127\.0\.0\.1:9 to check image sha256:[0-9a-f]{64} in acme\/tool \(nothing answers there, \w+\); check the registry in <image> \(go\.image\) and the network\. -> \[Help 1\]$/
    assert !runs[0].contains('Pushed ')
    // gomvn's message alone: the registry library's own ERROR line and stack trace are not shown.
    assert !log.contains('Failed to execute request')

    // 2. Offline: go:image works, go:image-push says why it cannot.
    assert runs[1].contains('[INFO] Image sha256:')
    assert runs[1].contains("on project image-failures: Maven runs offline (-o), so go:image-push cannot push to ${host}; run it without -o (go:image alone works offline).")

    // 3. A refused login names the registry and the <server> to fix, never the password.
    assert runs[2].contains("on project image-failures: The registry ${host} refused to check image ")
    assert runs[2].contains("(HTTP 401 Unauthorized) with the login from <server> image-registry (user ci); put a <username> and <password>"
            + " allowed to push there into the settings.xml <server> with <id>image-registry</id> (or log in with docker login ${host}).")
    assert !log.contains('not-the-password')
    def catalog = new URL("http://${host}/v2/acme/tool/tags/list").openConnection()
    catalog.setRequestProperty('Authorization', 'Basic ' + 'ci:registry-s3cret'.bytes.encodeBase64().toString())
    assert catalog.responseCode == 404 : 'a tag was written although the push failed'

    // 4. Only non-linux targets: go:image refuses, naming <targets>.
    assert runs[3].contains('[INFO] Skipping windows/amd64 for the image: container images hold linux binaries only.')
    assert runs[3].contains('on project image-failures: go:image found no linux binaries to pack (go:build built [windows/amd64]);'
            + ' add linux targets to <targets> (go.targets), e.g. linux/amd64,linux/arm64.')

    // 5. A registry that accepts the connection and never answers: cut after go.readTimeout, naming <image>.
    assert runs[4] =~ /(?m)^\[ERROR\] Failed to execute goal dev\.gomvn:go-maven-plugin:[^:]+:image-push \(default-cli\) on project image-failures: Could not reach the registry 127\.0\.0\.1:\d+ to check image sha256:[0-9a-f]{64} in acme\/tool \(no answer within 2 s \(go\.readTimeout\), HttpTimeoutException\); check the registry in <image> \(go\.image\) and the network\. -> \[Help 1\]$/
    assert !runs[4].contains('Pushed ')

    evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'image-failures', ['go.mod', 'main.go'])
} finally {
    for (pid in [new File(basedir, 'registry/registry.pid'), new File(basedir, 'hanging.pid')]) {
        if (pid.exists()) {
            ['kill', pid.text.trim()].execute().waitFor()
        }
    }
}
return true
