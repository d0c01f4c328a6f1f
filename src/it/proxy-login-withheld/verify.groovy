def log = new File(basedir, 'build.log').text
def pidFile = new File(basedir, 'proxy.pid')
try {
    assert log.contains('BUILD SUCCESS')
    // The module came through the company proxy, with its login, and no request went without it: gomvn downloads
    // ahead with the login what go build and go test then need.
    def requests = new File(basedir, 'proxy-requests.log').readLines()
    assert requests.contains('passed GET http://modules.gomvn.invalid/example.test/greet/@v/v1.0.0.zip')
    assert requests.every { it.startsWith('passed ') } : "requests without the login: ${requests.findAll { !it.startsWith('passed ') }}"
    for (modules in ['go-modules-goals-only', 'go-modules']) {
        assert new File(basedir, "target/${modules}/example.test/greet@v1.0.0/greet.go").isFile()
    }
    assert requests.count { it.endsWith('/v1.0.0.zip') } == 2

    // A test binary sees the proxy, without its login.
    def seen = new File(basedir, 'target/what-a-test-sees.txt').text
    def port = (new File(basedir, 'settings-with-proxy.xml').text =~ /<port>(\d+)<\/port>/)[0][1]
    assert seen.readLines().contains("HTTP_PROXY=http://127.0.0.1:${port}".toString())
    assert seen.readLines().contains("HTTPS_PROXY=http://127.0.0.1:${port}".toString())
    assert !seen.contains('proxy-s3cret')
    assert !seen.contains('ci:')

    // The login is never printed, nor left in target/.
    assert !log.contains('proxy-s3cret')
    new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { f ->
        assert f.name == 'settings-with-proxy.xml' || f.length() > 50_000_000 || !f.text.contains('proxy-s3cret') : "${f} holds the proxy password"
    }
    evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'proxy-login-withheld', ['go.mod', 'go.sum', 'main.go', 'main_test.go'])
} finally {
    if (pidFile.exists()) {
        ['kill', pidFile.text.trim()].execute().waitFor()
    }
}
return true
