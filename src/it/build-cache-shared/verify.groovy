// Each execution's part of build.log, from its "--- go:...:<goal> (<id>)" header to the next plugin's.
def log = new File(basedir, 'build.log').text
def url = new File(basedir, 'store-url.txt').text
def section = { String id ->
    def start = log.indexOf("(${id}) @ build-cache-shared ---")
    assert start >= 0 : "no execution ${id} in build.log"
    def end = log.indexOf('[INFO] --- ', start)
    log.substring(start, end < 0 ? log.length() : end)
}
def summary = { String id, String store ->
    def matcher = section(id) =~ /\[INFO\] Shared build cache \Q${store}\E(?: \(read-only\))?: (\d+) hits? \((\d+) from the store, (\d+) local\), (\d+) miss(?:es)?, (.+) down, (.+) up/
    assert matcher.find() : "no summary line in ${id}:\n${section(id)}"
    [hits: matcher.group(1) as int, store: matcher.group(2) as int, local: matcher.group(3) as int,
     misses: matcher.group(4) as int, down: matcher.group(5), up: matcher.group(6)]
}
def binary = { int agent, String target = 'linux_amd64' ->
    new File(basedir, "target/agent-${agent}/bin/${target}/build-cache-shared").bytes
}
def warnings = { String id -> section(id).readLines().findAll { it.startsWith('[WARNING]') } }
try {
    // The program is built once by the provisioned Go (or was already, by another IT).
    assert !log.contains('[ERROR]')

    // (a) An agent with an empty local directory fills the store; a fresh one gets everything from it.
    def fill = summary('fill', url)
    assert fill.misses > 10 && fill.store == 0 && fill.up != '0 bytes' : fill
    def fresh = summary('fresh-agent', url)
    // go build -o never stores the linked binary: its link step (asked for by go list and go build) is the only miss.
    assert fresh.store > 10 && fresh.misses <= 2 && fresh.down != '0 bytes' : fresh
    assert binary(2) == binary(1) : 'the fresh agent built another binary from the store'
    assert warnings('fill').isEmpty() && warnings('fresh-agent').isEmpty()

    // Each kind of build leaves the list of what it used; a fresh agent reads it to fetch ahead of go.
    def lists = new File(basedir, 'store/root/go-build-cache/v1/m').listFiles()
    // go:build for linux/amd64 and go:test; the read-only agent's linux/arm64 build leaves none.
    assert lists != null && lists.size() == 2 : lists
    lists.each { list ->
        def lines = list.readLines()
        assert lines[0] == 'gomvn-prefetch 1' && lines.size() > 10 : lines.take(3)
        assert lines.drop(1).every { it ==~ /[0-9a-f]{64} [0-9a-f]{64} \d+/ } : lines.take(3)
    }
    def access = new File(basedir, 'store/access.log').readLines()
    def listRead = access.findAll { it =~ /"GET \/go-build-cache\/v1\/m\/[0-9a-f]{64} HTTP\/1\.1" 200 / }
    assert listRead.size() >= 2 : 'the fresh agents did not read the lists'

    // (b) Every object in the store poisoned: each is a miss, one warning, the right binary, the store repaired.
    def poisoned = summary('poisoned-store', url)
    assert poisoned.store == 0 && poisoned.misses > 10 : poisoned
    def poisonWarnings = warnings('poisoned-store')
    assert poisonWarnings.size() == 1 : poisonWarnings
    assert poisonWarnings[0] ==~ /\[WARNING\] The shared build cache \Q${url}\E served \d+ entries whose content does not match its SHA-256 \(e\.g\. v1\/o\/[0-9a-f]{64}\): not used, go built them again and replaced them in the store\. Something wrote wrong content into the store; look at who can write to it\./
    assert binary(3) == binary(1)
    def objects = new File(basedir, 'store/root/go-build-cache/v1/o').listFiles()
    def repaired = objects.findAll { it.text != 'poisoned' }
    assert !repaired.isEmpty() : 'the rebuilt outputs did not replace the poisoned objects'
    repaired.each {
        assert java.security.MessageDigest.getInstance('SHA-256').digest(it.bytes).encodeHex().toString() == it.name
    }

    // (c) An unreachable store: one warning, a successful build, the same binary.
    def unreachable = summary('unreachable-store', 'http://127.0.0.1:9/cache')
    assert unreachable.store == 0 && unreachable.down == '0 bytes' && unreachable.up == '0 bytes' : unreachable
    def unreachableWarnings = warnings('unreachable-store')
    assert unreachableWarnings.size() == 1 : unreachableWarnings
    assert unreachableWarnings[0].startsWith('[WARNING] The shared build cache http://127.0.0.1:9/cache failed: ')
    assert unreachableWarnings[0].contains('connection refused')
    assert unreachableWarnings[0].endsWith('. The rest of this build goes on without it (only '
            + new File(basedir, 'target/agent-4/build-cache').absolutePath
            + '); check the store, <buildCacheUrl> (go.buildCache.url) and its <server>.')
    assert binary(4) == binary(1)

    // (d) Read-only, for a target nobody built yet: all misses, nothing uploaded, the store unchanged.
    def readOnly = summary('read-only', url)
    assert section('read-only').contains("Shared build cache ${url} (read-only): ")
    assert readOnly.misses > 10 && readOnly.up == '0 bytes' && warnings('read-only').isEmpty() : readOnly
    def before = new File(basedir, 'target/store-files-before-read-only.txt').text.trim() as int
    def after = new File(basedir, 'target/store-files-after-read-only.txt').text.trim() as int
    assert after == before : "the read-only build changed the store: ${before} files before, ${after} after"
    assert binary(5, 'linux_arm64').length > 0

    // go:test uses it too: a second agent gets the test's packages from the store.
    def testFill = summary('test-fill', url)
    assert testFill.misses > 0 && testFill.up != '0 bytes' : testFill
    def testFresh = summary('test-fresh-agent', url)
    assert testFresh.store > 10 : testFresh
    assert section('test-fresh-agent').contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

    // The store's login never reaches user code: not in a test's environment, not in a file it can find, so
    // not in the test output go caches and uploads. The test's output did reach the store (the check can fail).
    def login = ['cache-s3cret', 'ci:cache-s3cret'.bytes.encodeBase64().toString()]
    def seen = new File(basedir, 'target').listFiles().findAll { it.name.startsWith('what-a-test-sees-') }
    assert !seen.isEmpty() : 'TestWhatATestSees did not run'
    seen.each { file ->
        assert file.text.contains('GOCACHEPROG=') : file.text
        assert file.text =~ /store file .*: +\("open .*no such file or directory"\)/ : file.text
        login.each { assert !file.text.contains(it) : "${file.name} holds the store's login:\n${file.text}" }
    }
    def stored = []
    new File(basedir, 'store/root/go-build-cache').eachFileRecurse(groovy.io.FileType.FILES) { stored << it }
    assert stored.any { it.text.contains('GOCACHEPROG=') } : 'no test output with the environment in the store'
    stored.each { file -> login.each { assert !file.text.contains(it) : "${file} in the store holds the login" } }
    ['test-fill', 'test-fresh-agent', 'fill'].each { id ->
        def files = new File(basedir, "target/go/build-cache/${id}/private").listFiles()
        assert files == null || files.length == 0 : "store files left behind by ${id}: ${files}"
    }

    // The store's password (settings.xml) is never printed; the module's files are as committed.
    assert !log.contains('cache-s3cret')
    evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-cache-shared', ['go.mod', 'main.go', 'main_test.go'])
} finally {
    def pid = new File(basedir, 'store/server.pid')
    if (pid.exists()) {
        ['kill', pid.text.trim()].execute().waitFor()
    }
}
return true
