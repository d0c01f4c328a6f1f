// Shared by the image ITs: public registries are unreachable here, so the tests make their own base image, a tiny
// multi-platform one like distroless static (an /etc/passwd with the nonroot user 65532, User 65532:65532), for
// linux/amd64, linux/arm64 and linux/arm/v7, and push it to a registry through the plain registry API.
// Use: def base = evaluate(new File(repositoryRoot, 'src/it/image-base.groovy'))('127.0.0.1:5000', 'base/static', '1')
// It returns [reference: '127.0.0.1:5000/base/static:1', digest: 'sha256:...', layer: 'sha256:...'].
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.MessageDigest
import java.util.zip.GZIPOutputStream

return { String host, String repository, String tag ->
    def sha256 = { byte[] bytes -> 'sha256:' + MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }
    // One ustar entry, etc/passwd, root-owned, mode 0644, time 0.
    def passwd = 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n'.getBytes('US-ASCII')
    def header = new byte[512]
    def put = { String text, int offset -> byte[] b = text.getBytes('US-ASCII'); System.arraycopy(b, 0, header, offset, b.length) }
    put('etc/passwd', 0)
    put('0000644\0', 100)
    put('0000000\0', 108)
    put('0000000\0', 116)
    put(String.format('%011o\0', passwd.length), 124)
    put('00000000000\0', 136)
    put('        ', 148)
    put('0', 156)
    put('ustar\0', 257)
    put('00', 263)
    int checksum = header.collect { it & 0xff }.sum()
    put(String.format('%06o\0 ', checksum), 148)
    def tar = new ByteArrayOutputStream()
    tar.write(header)
    tar.write(passwd)
    tar.write(new byte[(512 - passwd.length % 512) % 512])
    tar.write(new byte[1024])
    def gzipped = new ByteArrayOutputStream()
    new GZIPOutputStream(gzipped).withCloseable { it.write(tar.toByteArray()) }
    byte[] layer = gzipped.toByteArray()

    def http = HttpClient.newHttpClient()
    def send = { HttpRequest request ->
        def response = http.send(request, HttpResponse.BodyHandlers.ofString())
        assert response.statusCode() in 200..299 : "${request.method()} ${request.uri()}: ${response.statusCode()} ${response.body()}"
        response
    }
    def pushBlob = { byte[] bytes ->
        def upload = send(HttpRequest.newBuilder(URI.create("http://${host}/v2/${repository}/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build())
        def location = URI.create("http://${host}/").resolve(upload.headers().firstValue('Location').get())
        def separator = location.toString().contains('?') ? '&' : '?'
        send(HttpRequest.newBuilder(URI.create("${location}${separator}digest=${sha256(bytes)}"))
                .header('Content-Type', 'application/octet-stream')
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build())
        [mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(bytes), size: bytes.length]
    }
    def pushManifest = { String reference, String mediaType, byte[] bytes ->
        send(HttpRequest.newBuilder(URI.create("http://${host}/v2/${repository}/manifests/${reference}"))
                .header('Content-Type', mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build())
    }
    def layerDescriptor = pushBlob(layer)
    String diffId = sha256(tar.toByteArray())
    def manifests = []
    [['amd64', null], ['arm64', null], ['arm', 'v7']].each { arch, variant ->
        def config = groovy.json.JsonOutput.toJson([
                architecture: arch, os: 'linux', variant: variant,
                config: [User: '65532:65532', Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'], WorkingDir: '/home/nonroot', Cmd: ['/bin/sh']],
                rootfs: [type: 'layers', diff_ids: [diffId]]].findAll { it.value != null }).getBytes('UTF-8')
        def configDescriptor = pushBlob(config) + [mediaType: 'application/vnd.oci.image.config.v1+json']
        def manifest = groovy.json.JsonOutput.toJson([
                schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
                config: configDescriptor, layers: [layerDescriptor]]).getBytes('UTF-8')
        pushManifest(sha256(manifest), 'application/vnd.oci.image.manifest.v1+json', manifest)
        manifests << [mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(manifest), size: manifest.length,
                      platform: [architecture: arch, os: 'linux'] + (variant ? [variant: variant] : [:])]
    }
    def index = groovy.json.JsonOutput.toJson([schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: manifests]).getBytes('UTF-8')
    pushManifest(tag, 'application/vnd.oci.image.index.v1+json', index)
    return [reference: "${host}/${repository}:${tag}".toString(), digest: sha256(index), layer: layerDescriptor.digest]
}
