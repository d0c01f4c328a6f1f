// Run by src/it/pom.xml (execution "examples"): the README's first command must keep working.
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
['hello-operator': 'manager', 'hello-cli': 'hello-cli'].each { module, binary ->
    def bin = new File(basedir, "${module}/target/go/bin")
    ['linux_amd64', 'linux_arm64', 'darwin_arm64'].each { assert new File(bin, "${it}/${binary}").isFile() }
    assert new File(bin, "windows_amd64/${binary}.exe").isFile()
    def sums = new File(bin, 'SHA256SUMS').readLines()
    // Four binaries, each with its CycloneDX SBOM beside it.
    assert sums.size() == 8
    ['linux_amd64', 'linux_arm64', 'darwin_arm64', 'windows_amd64'].each { assert new File(bin, "${it}/${binary}.cdx.json").isFile() }
    sums.each { line ->
        def (sha, name) = line.split('  ')
        assert sha == MessageDigest.getInstance('SHA-256').digest(new File(bin, name).bytes).encodeHex().toString()
    }
}
// hello-operator's SBOMs: what the manager links, from its build info, with the timestamp of the reproducible build.
def sbom = new groovy.json.JsonSlurper().parse(new File(basedir, 'hello-operator/target/go/bin/linux_arm64/manager.cdx.json'))
assert sbom.specVersion == '1.6' && sbom.metadata.timestamp == '2024-01-01T00:00:00Z'
assert sbom.metadata.component.purl == 'pkg:golang/example.com/hello-operator@1.0.0-SNAPSHOT?goarch=arm64&goos=linux&type=module#cmd/manager'
assert sbom.components.collect { "${it.name}@${it.version}" } == ['github.com/google/uuid@v1.6.0', 'golang.org/x/sync@v0.10.0', 'golang.org/x/text@v0.3.6', "std@${installedGoVersion}"]
assert log.contains('Rule 2: dev.gomvn.enforcer.RequireGoSumVerified passed')
// "Every Go module fails fast in validate; Java modules and aggregators pass untouched": the enforcer says
// "passed" for all of them, the rules' own lines say which ones were really checked.
def root = basedir.toPath().toAbsolutePath().normalize()
['hello-operator', 'hello-cli'].each { module ->
    def dir = root.resolve(module)
    ['requireGoVersion', 'requireModules', 'requireGoSumVerified', 'forbidGosumdbOff'].each { rule ->
        assert log.count("[INFO] ${rule} passed for ${dir}: ") == 1 : "${rule} did not check ${module}"
    }
    assert log.contains("[INFO] requireGoVersion passed for ${dir}: Go ${installedGoNumber} is in [1.22,) and is not older than go.mod's 'go 1.22'")
}
// The examples' own database (examples/vulndb, named by go.vulnDatabase in each module): no internet needed. It knows
// GO-2021-0113 of the x/text hello-operator uses, in a function it never calls: listed, not failed.
def db = root.resolve('vulndb')
assert log.contains('[INFO] requireNoKnownVulnerabilities: GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in golang.org/x/text/language: '
        + 'golang.org/x/text v0.3.6 is in use; not reached: the vulnerable package is imported but no vulnerable function is called\n')
assert log.contains("[INFO] requireNoKnownVulnerabilities passed for ${root.resolve('hello-operator')}: no known vulnerability reachable (1 more is present but not reached; govulncheck v1.9.0, scan level symbol, database: ${db})\n")
assert log.contains("[INFO] requireNoKnownVulnerabilities passed for ${root.resolve('hello-cli')}: no known vulnerability reachable (govulncheck v1.9.0, scan level symbol, database: ${db})\n")
assert !log.contains('vuln.go.dev')
// hello-operator's image: linux/amd64 and linux/arm64 on scratch, each platform's layer the verified binary.
def image = new groovy.json.JsonSlurper().parse(new File(basedir, 'hello-operator/target/go/image/image.json'))
assert image.platforms == ['linux/amd64', 'linux/arm64'] && image.imageDigest ==~ /sha256:[0-9a-f]{64}/ && !image.imagePushed
def layout = new File(basedir, 'hello-operator/target/go/image/layout')
def index = new groovy.json.JsonSlurper().parse(new File(layout, 'index.json'))
assert index.manifests*.digest == [image.imageDigest]
assert log.contains("[INFO] requireModules passed for ${root.resolve('hello-operator')}: module example.com/hello-operator with 'go 1.22' in module mode (GO111MODULE not off, no -mod=mod in GOFLAGS), go.sum present for 3 requirements")
assert log.contains("[INFO] requireModules passed for ${root.resolve('hello-cli')}: module example.com/hello-cli with 'go 1.22' in module mode (GO111MODULE not off, no -mod=mod in GOFLAGS), no requirements")
assert log.contains('--- enforcer:3.7.0:enforce (go-environment) @ java-client ---')
['java-client', 'company-parent'].each { assert !log.contains("passed for ${root.resolve(it)}") }
assert !log.contains("passed for ${root}:")
assert new File(basedir, 'java-client/target/java-client-1.0.0-SNAPSHOT.jar').isFile()
assert !new File(basedir, 'java-client/target/go').exists() : 'the Java module is left alone'
assert new File(basedir, 'hello-operator/target/surefire-reports/TEST-example.com.hello-operator.internal.reconcile.xml').isFile()
return true
