// Shared by the cgo ITs' prebuild.groovy: a file: mirror of Zig for this machine, laid out and signed as ziglang.org
// publishes it (zig-<arch>-linux-<version>.tar.xz, every entry under zig-<arch>-linux-<version>/, a .minisig beside
// it), made from the PyPI package ziglang, which ships the real Zig binary: there is no network to ziglang.org here.
// The wheel is checked against the SHA-256 PyPI lists, unpacked (zig loses its executable bit in a wheel; it is set
// again), packed with tar and xz -T0 -0 (fast; its size is not what is tested), and signed with a fresh key by the
// real minisign (src/it/install-cross.sh installs it and xz), so gomvn's own verifier is not what vouches for its test input.
// Made once, then reused: $GOMVN_TEST_SERVERS, else ${XDG_CACHE_HOME:-~/.cache}/gomvn-test-servers, in
// zig-mirror-<version>-<arch>/, published by an atomic rename under a lock, so concurrent ITs build it once.
// Use:
//   def zig = evaluate(new File(repositoryRoot, 'src/it/zig-mirror.groovy'))('0.17.1')
//   zig.downloadRoot   // file:/.../mirror/ for <zig><downloadRoot>
//   zig.publicKey      // the minisign public key (base64) for <zig><publicKey>
import groovy.json.JsonSlurper
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.security.MessageDigest
import java.util.zip.ZipFile

return { String version ->
    def arch = [amd64: 'x86_64', x86_64: 'x86_64', aarch64: 'aarch64', arm64: 'aarch64'][System.getProperty('os.arch')]
    assert System.getProperty('os.name') == 'Linux' && arch : 'zig-mirror.groovy makes a Linux x86_64 or aarch64 mirror only'
    def name = "zig-${arch}-linux-${version}"
    def cacheRoot = System.getenv('GOMVN_TEST_SERVERS') ?: "${System.getenv('XDG_CACHE_HOME') ?: System.getProperty('user.home') + '/.cache'}/gomvn-test-servers"
    def directory = new File(cacheRoot, "zig-mirror-${version}-${arch}")
    def result = { ->
        [downloadRoot: new File(directory, 'mirror').toURI().toString(),
         publicKey: new File(directory, 'minisign.pub').readLines().last().trim(),
         mirror: new File(directory, 'mirror')]
    }
    if (new File(directory, 'minisign.pub').isFile()) {
        return result()
    }
    new File(cacheRoot).mkdirs()
    def run = { File workDirectory, List command ->
        def process = new ProcessBuilder(command*.toString()).directory(workDirectory).redirectErrorStream(true).start()
        def output = process.inputStream.text
        assert process.waitFor() == 0 : "${command.join(' ')} failed: ${output}"
    }
    FileChannel.open(new File(cacheRoot, "zig-mirror-${version}-${arch}.lock").toPath(),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE).withCloseable { channel ->
        channel.lock()
        if (new File(directory, 'minisign.pub').isFile()) {
            return
        }
        ['minisign', 'xz', 'tar'].each { tool ->
            assert System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } :
                    "zig-mirror.groovy needs ${tool} on PATH: run src/it/install-cross.sh"
        }
        long started = System.nanoTime()
        def staging = Files.createTempDirectory(new File(cacheRoot).toPath(), ".zig-mirror-").toFile()
        try {
            // The version's own JSON, or the project's (some PyPI mirrors serve only that), which lists every release.
            def jsonUri = new URI("https://pypi.org/pypi/ziglang/${version}/json")
            def connection = jsonUri.toURL().openConnection()
            def files
            if (connection.responseCode == 200) {
                files = connection.inputStream.withCloseable { new JsonSlurper().parse(it) }.urls
            } else {
                jsonUri = new URI('https://pypi.org/pypi/ziglang/json')
                files = new JsonSlurper().parse(jsonUri.toURL()).releases[version]
            }
            def wheel = files?.find { it.packagetype == 'bdist_wheel' && it.filename.contains('manylinux') && it.filename.endsWith("_${arch}.whl") }
            assert wheel : "PyPI lists no manylinux ${arch} wheel of ziglang ${version}"
            def wheelFile = new File(staging, wheel.filename)
            def digest = MessageDigest.getInstance('SHA-256')
            jsonUri.resolve(wheel.url).toURL().withInputStream { input ->
                wheelFile.withOutputStream { output ->
                    byte[] buffer = new byte[1 << 16]
                    int read
                    while ((read = input.read(buffer)) > 0) {
                        digest.update(buffer, 0, read)
                        output.write(buffer, 0, read)
                    }
                }
            }
            def actual = digest.digest().encodeHex().toString()
            assert actual == wheel.digests.sha256 : "${wheel.filename}: SHA-256 ${actual}, but PyPI lists ${wheel.digests.sha256}"
            def top = new File(staging, "tree/${name}")
            new ZipFile(wheelFile).withCloseable { zip ->
                zip.entries().findAll { !it.directory && it.name.startsWith('ziglang/') && !it.name.endsWith('.py') && !it.name.contains('__pycache__') }.each { entry ->
                    def target = new File(top, entry.name.substring('ziglang/'.length()))
                    assert target.canonicalPath.startsWith(top.canonicalPath + File.separator) : "unsafe entry ${entry.name}"
                    target.parentFile.mkdirs()
                    zip.getInputStream(entry).withCloseable { Files.copy(it, target.toPath()) }
                }
            }
            assert new File(top, 'zig').setExecutable(true, false) && new File(top, 'lib').isDirectory() : "${wheel.filename} holds no ziglang/zig and ziglang/lib/"
            wheelFile.delete()
            def mirror = new File(staging, 'mirror')
            mirror.mkdirs()
            run(staging, ['bash', '-c', "set -o pipefail; tar -C tree -cf - '${name}' | xz -T0 -0 > 'mirror/${name}.tar.xz'"])
            run(staging, ['minisign', '-G', '-W', '-p', 'minisign.pub', '-s', 'minisign.key'])
            run(staging, ['minisign', '-S', '-s', 'minisign.key', '-m', "mirror/${name}.tar.xz"])
            new File(staging, 'tree').deleteDir()
            new File(staging, 'minisign.key').delete()
            // A temporary directory is private (0700); the mirror serves every user's builds.
            staging.setReadable(true, false)
            staging.setExecutable(true, false)
            directory.deleteDir()
            Files.move(staging.toPath(), directory.toPath(), StandardCopyOption.ATOMIC_MOVE)
            println "zig-mirror.groovy: made ${directory} from ${wheel.filename} in ${(System.nanoTime() - started).intdiv(1000000000)} s"
        } finally {
            staging.deleteDir()
        }
    }
    result()
}
