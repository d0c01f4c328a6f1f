import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.MessageDigest
import java.util.zip.GZIPInputStream

def props = new Properties()
new File(basedir, 'registry.properties').withInputStream { props.load(it) }
def host = props.host
def log = new File(basedir, 'build.log').text
def http = HttpClient.newHttpClient()
def get = { String path, String accept ->
    def response = http.send(HttpRequest.newBuilder(URI.create("http://${host}/v2/acme/hello-operator/${path}")).header('Accept', accept).build(),
            HttpResponse.BodyHandlers.ofByteArray())
    assert response.statusCode() == 200 : "GET ${path}: ${response.statusCode()}"
    response
}
def json = { byte[] bytes -> new JsonSlurper().parse(bytes) }
def sha256 = { byte[] bytes -> MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }
def gunzip = { byte[] gzipped -> new GZIPInputStream(new ByteArrayInputStream(gzipped)).bytes }
/** The files of a tar (ustar, names under 100 characters, as gomvn writes them and crane export, without the directories' trailing slash, does). */
def untar = { byte[] tar ->
    def files = [:]
    int offset = 0
    while (offset + 512 <= tar.length && tar[offset] != 0) {
        def name = new String(tar, offset, 100, 'US-ASCII').replaceAll('\u0000.*', '')
        def size = Long.parseLong(new String(tar, offset + 124, 12, 'US-ASCII').replaceAll('[\u0000 ]', '') ?: '0', 8) as int
        files[name] = Arrays.copyOfRange(tar, offset + 512, offset + 512 + size)
        offset += 512 + ((size + 511).intdiv(512)) * 512
    }
    files
}
try {
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
    assert runs.size() == 3
    assert runs.every { it.contains('BUILD SUCCESS') }
    def digest = new File(basedir, 'target/go/image/image.digest').text.trim()
    assert digest ==~ /sha256:[0-9a-f]{64}/

    // The index behind both tags is the image go:image wrote, with the three platforms of the targets.
    def indexResponse = get('manifests/1.0.0-SNAPSHOT', 'application/vnd.oci.image.index.v1+json')
    assert indexResponse.headers().firstValue('Docker-Content-Digest').get() == digest
    assert get('manifests/latest', 'application/vnd.oci.image.index.v1+json').headers().firstValue('Docker-Content-Digest').get() == digest
    def index = json(indexResponse.body())
    assert index.mediaType == 'application/vnd.oci.image.index.v1+json'
    assert index.manifests*.platform.collect { [it.os, it.architecture, it.variant] } ==
            [['linux', 'amd64', null], ['linux', 'arm64', null], ['linux', 'arm', 'v7']]
    assert index.annotations['org.opencontainers.image.version'] == '1.0.0-SNAPSHOT'
    assert index.annotations['org.opencontainers.image.source'] == 'https://github.com/example/hello-operator'
    assert index.annotations['org.opencontainers.image.revision'] == '0123456789abcdef0123456789abcdef01234567'
    assert index.annotations['org.opencontainers.image.licenses'] == 'Apache-2.0'
    assert index.annotations['org.opencontainers.image.created'] == '2024-01-01T00:00:00Z'

    // Each platform: its config says the platform, its base layer is the base's, its own layer holds the very
    // binary go:build verified for that target (same SHA-256, ELF machine of the architecture).
    def machines = [amd64: 62, arm64: 183, arm: 40]
    def directories = [amd64: 'linux_amd64', arm64: 'linux_arm64', arm: 'linux_arm_7']
    index.manifests.each { entry ->
        def manifest = json(get("manifests/${entry.digest}", 'application/vnd.oci.image.manifest.v1+json').body())
        def config = json(get("blobs/${manifest.config.digest}", '*/*').body())
        assert [config.os, config.architecture, config.variant] == [entry.platform.os, entry.platform.architecture, entry.platform.variant]
        assert config.config.Entrypoint == ['/usr/local/bin/manager']
        assert config.config.Cmd == null : 'the base Cmd would become the binary\'s arguments'
        assert config.config.User == '65532:65532' && config.config.WorkingDir == '/home/nonroot'
        assert config.config.ExposedPorts.keySet() == ['8080/tcp'] as Set
        assert manifest.layers.size() == 2 && manifest.layers[0].digest == props.baseLayer
        assert manifest.annotations['org.opencontainers.image.base.digest'] == props.baseDigest
        def files = untar(gunzip(get("blobs/${manifest.layers[1].digest}", '*/*').body()))
        assert files.keySet() == ['usr/', 'usr/local/', 'usr/local/bin/', 'usr/local/bin/manager'] as Set
        def binary = files['usr/local/bin/manager']
        def built = new File(basedir, "target/go/bin/${directories[config.architecture]}/manager").bytes
        assert sha256(binary) == sha256(built)
        int machine = (binary[0x12] & 0xff) | (binary[0x13] & 0xff) << 8
        assert binary[0..3] == [0x7f, 0x45, 0x4c, 0x46] as byte[] && machine == machines[config.architecture]
    }

    // Run 1 (deploy): the base's layer mounted from its repository, the rest uploaded, tags written; gomvn's lines
    // only (the registry library logs nothing of its own, and asks to mount only the base's layer).
    def pushLines = runs[0].readLines().dropWhile { !it.contains(':image-push (default) @') }.drop(1).takeWhile { !it.startsWith('[INFO] ---') }
    assert pushLines.size() == 3 && pushLines[0].startsWith('[INFO] Pushed ') && pushLines[2].startsWith('[INFO] Image ') : pushLines
    assert pushLines[1] == "[INFO] Attached to ${host}/acme/hello-operator@${digest} as OCI referrers: the provenance " +
            '(application/vnd.in-toto+json, about the index) and 3 CycloneDX SBOMs (application/vnd.cyclonedx+json, ' +
            'each about its platform\'s manifest); the registry has no referrers API, so they are listed under the tag sha256-<subject>'
    assert runs[0].contains("[INFO] Pushed ${host}/acme/hello-operator@${digest} (3 platforms) tagged 1.0.0-SNAPSHOT, latest: 6 of 7 blobs uploaded, 1 mounted, 0 already there")
    def summary = new JsonSlurper().parse(new File(basedir, 'target/go/image/image.json'))
    assert summary.image == "${host}/acme/hello-operator".toString() && summary.imageDigest == digest && summary.imagePushed == true
    assert summary.tags == ['1.0.0-SNAPSHOT', 'latest'] && summary.platforms == ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
    assert new File(basedir, 'target/go/image/image.tar').length() > 0

    // Run 2 (the binaries up to date, the image into another directory, the base from the cache by its digest):
    // the same digest, the same tar, no blob uploaded.
    assert new File(basedir, 'target/rebuilt-image/image.digest').text.trim() == digest
    assert new File(basedir, 'target/rebuilt-image/image.tar').bytes == new File(basedir, 'target/go/image/image.tar').bytes
    assert runs[1].contains("[INFO] Pushed ${host}/acme/hello-operator@${digest} (3 platforms) tagged 1.0.0-SNAPSHOT, latest: 0 of 7 blobs uploaded, 0 mounted, 7 already there")

    // crane, a reader with no gomvn code, sees the image gomvn pushed as gomvn said: it validates (every digest,
    // size and diff_id checked), the index's platforms, each platform's config and, in its filesystem (crane export
    // flattens the layers), the base's file under the very binary go:build listed in SHA256SUMS for that target.
    def crane = evaluate(new File(repositoryRoot, 'src/it/crane.groovy'))(new File(basedir, 'crane.log'))
    def image = "${host}/acme/hello-operator".toString()
    def listed = new File(basedir, 'target/go/bin/SHA256SUMS').readLines().collectEntries { it.split('  ').reverse() }
    assert crane.text('digest', image + ':1.0.0-SNAPSHOT') == digest
    crane.text('validate', '--remote', image + ':1.0.0-SNAPSHOT')
    def cranePlatforms = json(crane.bytes('manifest', image + ':latest')).manifests*.platform
    assert cranePlatforms.collect { [it.os, it.architecture, it.variant].findAll().join('/') } == summary.platforms
    [summary.platforms, ['linux_amd64', 'linux_arm64', 'linux_arm_7']].transpose().each { platform, directory ->
        def config = json(crane.bytes('config', '--platform', platform, image + ':1.0.0-SNAPSHOT'))
        assert [config.os, config.architecture, config.variant].findAll().join('/') == platform
        assert config.config.Entrypoint == ['/usr/local/bin/manager'] && config.config.User == '65532:65532'
        def files = untar(crane.bytes('export', '--platform', platform, image + ':1.0.0-SNAPSHOT', '-'))
        def names = files.keySet()
        assert names == ['etc/passwd', 'usr', 'usr/local', 'usr/local/bin', 'usr/local/bin/manager'] as Set
        String exported = sha256(files['usr/local/bin/manager'])
        assert exported == listed["${directory}/manager".toString()]
    }

    // The SBOMs and the provenance as OCI referrers, read by crane from the referrers tags (this registry has no
    // referrers API): each platform's manifest has its binary's SBOM, byte for byte; the index has the provenance,
    // a statement about the image with go:build's predicate.
    def referrers = { String subject ->
        json(crane.bytes('manifest', "${image}:${subject.replace(':', '-')}")).manifests
    }
    def pushedIndex = json(crane.bytes('manifest', "${image}@${digest}"))
    [pushedIndex.manifests, ['linux_amd64', 'linux_arm64', 'linux_arm_7']].transpose().each { entry, directory ->
        def listedReferrers = referrers(entry.digest)
        assert listedReferrers*.artifactType == ['application/vnd.cyclonedx+json']
        assert listedReferrers[0].annotations['org.opencontainers.image.title'] == 'manager.cdx.json'
        def referrer = json(crane.bytes('manifest', "${image}@${listedReferrers[0].digest}"))
        assert referrer.subject.digest == entry.digest
        assert crane.bytes('blob', "${image}@${referrer.layers[0].digest}") ==
                new File(basedir, "target/go/bin/${directory}/manager.cdx.json").bytes
    }
    def provenanceReferrers = referrers(digest)
    assert provenanceReferrers*.artifactType == ['application/vnd.in-toto+json']
    def provenanceManifest = json(crane.bytes('manifest', "${image}@${provenanceReferrers[0].digest}"))
    assert provenanceManifest.subject.digest == digest
    def statement = json(crane.bytes('blob', "${image}@${provenanceManifest.layers[0].digest}"))
    assert statement.subject*.digest.sha256 == [digest - 'sha256:']
    assert statement.predicate == new JsonSlurper().parse(new File(basedir, 'target/go/bin/provenance.intoto.json')).predicate

    // The layout gomvn wrote, and image.tar unpacked as the README says, push with crane to the digest gomvn
    // printed; crane reads a tar file as a docker save tarball, so it refuses image.tar itself, as the README says.
    assert crane.text('push', new File(basedir, 'target/go/image/layout').absolutePath, "${host}/crane/layout:1") == "${host}/crane/layout@${digest}"
    def unpacked = new File(basedir, 'target/image-tar')
    unpacked.mkdirs()
    def untarred = ['tar', '-xf', new File(basedir, 'target/go/image/image.tar').absolutePath, '-C', unpacked.absolutePath].execute()
    assert untarred.waitFor() == 0 : untarred.errorStream.text
    assert crane.text('push', unpacked.absolutePath, "${host}/crane/tar:1") == "${host}/crane/tar@${digest}"
    assert crane.refused('push', new File(basedir, 'target/go/image/image.tar').absolutePath, "${host}/crane/tar:2")
            .contains('file manifest.json not found in tar')

    // Run 3 (-o): the arm64 image on the base crane made and wrote as an OCI layout (prebuild.groovy). Pushed with
    // crane, it has the base's layer first and gomvn's on top, and keeps the base's Env, Labels, User and
    // WorkingDir, with PATH added, the binary as Entrypoint and the base's Cmd dropped.
    assert runs[2].contains('[INFO] Image for linux/arm64: 1 base layers + 1 layer with manager (')
    def onCrane = "${host}/crane/on-crane-base".toString()
    def onCraneDigest = new File(basedir, 'target/on-crane-base/image.digest').text.trim()
    assert crane.text('push', new File(basedir, 'target/on-crane-base/layout').absolutePath, onCrane + ':1') == "${onCrane}@${onCraneDigest}"
    crane.text('validate', '--remote', onCrane + ':1')
    def onCraneIndex = json(crane.bytes('manifest', onCrane + ':1'))
    assert onCraneIndex.manifests*.platform.collect { [it.os, it.architecture] } == [['linux', 'arm64']]
    def onCraneManifest = json(crane.bytes('manifest', "${onCrane}@${onCraneIndex.manifests[0].digest}"))
    assert onCraneManifest.layers*.digest.size() == 2 && onCraneManifest.layers[0].digest == props.craneBaseLayer
    assert onCraneManifest.layers*.mediaType == ['application/vnd.oci.image.layer.v1.tar+gzip'] * 2
    assert onCraneManifest.annotations['org.opencontainers.image.base.digest'] == props.craneBaseDigest
    def onCraneConfig = json(crane.bytes('config', '--platform', 'linux/arm64', onCrane + ':1')).config
    assert onCraneConfig.Env == ['GREETING=hello', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']
    assert onCraneConfig.Labels == ['org.example.base': 'crane']
    assert onCraneConfig.User == '1000:1000' && onCraneConfig.WorkingDir == '/srv'
    assert onCraneConfig.Entrypoint == ['/usr/local/bin/manager'] && onCraneConfig.Cmd == null
    def onCraneFiles = untar(crane.bytes('export', '--platform', 'linux/arm64', onCrane + ':1', '-'))
    def onCraneNames = onCraneFiles.keySet()
    assert onCraneNames == ['etc/greeting', 'usr', 'usr/local', 'usr/local/bin', 'usr/local/bin/manager'] as Set
    assert new String(onCraneFiles['etc/greeting'], 'UTF-8') == 'made by crane\n'
    String onCraneBinary = sha256(onCraneFiles['usr/local/bin/manager'])
    assert onCraneBinary == listed['linux_arm64/manager']
} finally {
    def pid = new File(basedir, 'registry/registry.pid')
    if (pid.exists()) {
        ['kill', pid.text.trim()].execute().waitFor()
    }
}
