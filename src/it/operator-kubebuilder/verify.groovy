import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def dir = basedir.toPath().toAbsolutePath().normalize()
assert log.contains('BUILD SUCCESS')

// Every rule on, the scaffold unmodified: each rule says what it checked; the Kubernetes modules the
// operator links share one version, judged without configuration.
['requireGoVersion', 'requireModules', 'requireGoSumVerified', 'forbidGosumdbOff', 'requireConsistentModuleVersions'].each {
    assert log.contains("[INFO] ${it} passed for ${dir}: ") : "${it} did not pass"
}
assert log.contains("[INFO] requireConsistentModuleVersions passed for ${dir}: [@kubernetes] share v0.37.2 (k8s.io/api, k8s.io/apimachinery)")
// klog, kube-openapi and utils have versions of their own: no warning about them.
assert !(log =~ /\[WARNING\].*k8s\.io\/(klog|kube-openapi|utils)/)

// ./cmd is the manager, for the cluster's two platforms, version-stamped through import-path linker variables.
def bin = new File(basedir, 'target/go/bin')
['linux_amd64', 'linux_arm64'].each { assert new File(bin, "${it}/manager").isFile() }
assert new File(bin, 'SHA256SUMS').readLines().collect { it.split('  ')[1] } == ['linux_amd64/manager', 'linux_amd64/manager.cdx.json', 'linux_arm64/manager', 'linux_arm64/manager.cdx.json']
assert log.contains('2 verified binaries (0 up to date)')
if ([System.getProperty('os.name'), System.getProperty('os.arch')] == ['Linux', 'amd64']) {
    def run = new ProcessBuilder(new File(bin, 'linux_amd64/manager').path, '-version').redirectErrorStream(true).start()
    assert run.text.trim() == 'manager 1.0-SNAPSHOT (commit 4f2a9c1)'
    assert run.waitFor() == 0
}

// The controller tests ran with envtest binaries from the verified mirror; the Ginkgo suite shows every spec.
assert log =~ /Installed envtest binaries v1\.34\.1\.[a-z0-9]+-[a-z0-9]+ into .*, SHA-256 [0-9a-f]{64}, verified against the checksum file file:/
def reports = new File(basedir, 'target/surefire-reports')
def controller = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.memcached-operator.internal.controller.xml'))
def specs = controller.testcase.collect { it.@name.toString() }.findAll { !it.startsWith('[') }
assert specs.size() == 6
assert specs.contains('MemcachedReconciler when the size is zero refuses to build a lease')
assert controller.@failures == '0' && controller.@errors == '0'
def api = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.memcached-operator.api.v1alpha1.xml'))
assert api.testcase.collect { it.@name.toString() } as Set == ['TestSchemeKnowsMemcached', 'TestDeepCopyIsIndependent'] as Set
reports.listFiles().each { assert !it.text.contains('\u001b') : "${it.name} holds colour codes" }

// What install published verifies with the checksum list published beside it.
def repo = new File(localRepositoryPath, 'dev/gomvn/it/memcached-operator/1.0-SNAPSHOT')
def published = new File(repo, 'memcached-operator-1.0-SNAPSHOT.sha256sums').readLines()
// Two binaries, their SBOMs and the provenance statement.
assert published.size() == 5
published.each { line ->
    def (digest, name) = line.split('  ')
    def file = new File(repo, name)
    assert file.isFile() : "${name} is listed but not published"
    assert MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() == digest
}

evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'operator-kubebuilder', ['go.mod', 'go.sum', 'cmd/main.go'])
return true
