import groovy.json.JsonSlurper
import java.security.MessageDigest

def sha256 = { File file -> MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }
def bin = new File(basedir, 'target/go/bin')
def binaries = ['linux_amd64/tool', 'linux_arm64/tool', 'windows_amd64/tool.exe']
def sboms = ['linux_amd64/tool.cdx.json', 'linux_arm64/tool.cdx.json', 'windows_amd64/tool.cdx.json']

// SHA256SUMS lists each binary and its SBOM.
def sums = new File(bin, 'SHA256SUMS').readLines().collectEntries { def (sha, name) = it.split('  '); [(name): sha] }
assert sums.keySet() == (binaries + sboms) as Set
sums.each { name, sha -> assert sha256(new File(bin, name)) == sha : "SHA256SUMS disagrees for ${name}" }

// Installed beside the binaries as type json, classifier <target>-cyclonedx, and in the published checksum list.
def repo = new File(localRepositoryPath, 'dev/gomvn/it/build-sbom/1.0-SNAPSHOT')
['linux-amd64', 'linux-arm64', 'windows-amd64'].eachWithIndex { classifier, i ->
    def installed = new File(repo, "build-sbom-1.0-SNAPSHOT-${classifier}-cyclonedx.json")
    assert installed.isFile() : "not installed: ${installed.name}"
    assert installed.bytes == new File(bin, sboms[i]).bytes
}
def published = new File(repo, 'build-sbom-1.0-SNAPSHOT.sha256sums').readLines()
// Three binaries, their SBOMs and the provenance that vouches for them.
assert published.size() == 7
published.each { line ->
    def (sha, name) = line.split('  ')
    assert sha256(new File(repo, name)) == sha : "${name} does not match the published checksum list"
}

// What every document says: CycloneDX 1.6, the configured timestamp, a serial number, the project version for the
// main module (the binary says "(devel)"), the binary's digest and platform.
def slurper = new JsonSlurper()
binaries.eachWithIndex { binary, i ->
    def sbom = slurper.parse(new File(bin, sboms[i]))
    def (goos, goarch) = binary.split('/')[0].split('_')
    assert sbom.bomFormat == 'CycloneDX' && sbom.specVersion == '1.6'
    assert sbom.serialNumber ==~ /urn:uuid:[0-9a-f-]{36}/
    assert sbom.metadata.timestamp == '2024-05-01T10:00:00Z'
    assert sbom.metadata.component.name == 'example.com/build-sbom'
    assert sbom.metadata.component.version == '1.0-SNAPSHOT'
    assert sbom.metadata.component.purl == "pkg:golang/example.com/build-sbom@1.0-SNAPSHOT?goarch=${goarch}&goos=${goos}&type=module#cmd/tool"
    def properties = sbom.metadata.properties.collectEntries { [(it.name): it.value] }
    assert properties['cdx:gomod:binary:hash:SHA-256'] == sums[binary]
    assert properties['cdx:gomod:build:env:GOOS'] == goos
    assert properties['cdx:gomod:build:env:GOARCH'] == goarch
    assert properties['cdx:gomod:build:env:CGO_ENABLED'] == '0'
    assert properties['cdx:gomod:build:env:GOVERSION'] == installedGoVersion
    assert properties['gomvn:build:-trimpath'] == 'true'
    assert sbom.components.find { it.name == 'golang.org/x/sync' }.properties == [[name: 'gomvn:replaces', value: 'golang.org/x/sync@v0.10.0']]
}

// Side by side with cyclonedx-gomod bin -std (v1.10.0 from the module proxy) on the same binaries: the same module
// components with the same versions, purls and hashes. cyclonedx-gomod takes goos/goarch for purls from `go env`,
// so it runs with the binary's GOOS and GOARCH.
def gomodBin = new File(basedir, 'target/cyclonedx-gomod')
def run = { List<String> command, Map<String, String> environment ->
    // stdout is the document; go's and cyclonedx-gomod's own lines go to a file.
    def errors = new File(basedir, 'target/cyclonedx-gomod.log')
    def builder = new ProcessBuilder(command*.toString()).directory(new File(basedir, 'target'))
            .redirectError(ProcessBuilder.Redirect.appendTo(errors))
    builder.environment().putAll([GOTOOLCHAIN: 'local'] + environment)
    builder.environment().put('PATH', "${installedGoRoot}/bin${File.pathSeparator}${System.getenv('PATH')}".toString())
    def process = builder.start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed:\n${output}\n${errors.text}"
    output
}
run(["${installedGoRoot}/bin/go", 'install', 'github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@v1.10.0'], [GOBIN: gomodBin.path])
def components = { document -> document.components.collect { [it.name, it.version, it.purl, it.hashes?.collect { h -> h.content }] } as Set }
binaries.eachWithIndex { binary, i ->
    def (goos, goarch) = binary.split('/')[0].split('_')
    def theirs = slurper.parseText(run([new File(gomodBin, 'cyclonedx-gomod').path, 'bin', '-json', '-std', new File(bin, binary).path], [GOOS: goos, GOARCH: goarch]))
    def ours = slurper.parse(new File(bin, sboms[i]))
    assert components(ours) == components(theirs)
    assert components(ours).collect { it[0] } as Set == ['./local', 'github.com/google/uuid', 'golang.org/x/sync', 'std'] as Set
    assert components(ours).find { it[0] == 'golang.org/x/sync' }[1] == 'v0.9.0' : 'the replacement is what is linked'
}

// Run 2, forced into another directory: byte-identical binaries and SBOMs.
def second = new File(basedir, 'target/second')
(binaries + sboms).each { assert new File(second, it).bytes == new File(bin, it).bytes : "${it} differs between the builds" }

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
assert runs[0].contains('[INFO] 3 CycloneDX 1.6 SBOMs (<name>.cdx.json) beside the binaries, attached as <classifier>-cyclonedx')
// The user's module is never modified.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-sbom', ['go.mod', 'go.sum'])
return true
