import java.security.MessageDigest

def sha256(File file) { MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2

// Build 1 compiled both targets and filled the cache.
assert runs[0].contains('[INFO] 2 verified binaries (0 up to date) in ')
assert runs[0] =~ /Saved Build to local file: .*build-cache/
assert runs[0].contains('BUILD SUCCESS')

// Build 2 started from a clean target/: a cache hit, go:build skipped, nothing compiled.
def build2 = runs[1]
assert build2 =~ /Found cached build, restoring dev\.gomvn\.it:build-cache-extension from cache by checksum [0-9a-f]+/
assert build2.contains('Skipping plugin execution (cached): go:build')
assert !build2.contains('verified binaries')
assert build2.contains('BUILD SUCCESS')

// What go:build would have written is back in target/: both binaries, their SBOMs and SHA256SUMS, which matches them.
def bin = new File(basedir, 'target/go/bin')
def linux = new File(bin, 'linux_amd64/build-cache-extension')
def windows = new File(bin, 'windows_amd64/build-cache-extension.exe')
def linuxSbom = new File(bin, 'linux_amd64/build-cache-extension.cdx.json')
def windowsSbom = new File(bin, 'windows_amd64/build-cache-extension.cdx.json')
assert [linux, windows, linuxSbom, windowsSbom].every { it.isFile() }
assert linux.canExecute() : 'the restored binary lost its execute bit'
def sums = new File(bin, 'SHA256SUMS')
assert sums.isFile() : 'SHA256SUMS was not restored'
assert sums.readLines().collectEntries { line -> def (sha, name) = line.split(/ [ *]/); [name, sha] } ==
        [linux, linuxSbom, windows, windowsSbom].collectEntries { [(bin.toPath().relativize(it.toPath()).toString()): sha256(it)] }

// deploy published everything from the restored build: the binaries under their classifiers and the checksum list
// (the main artifact of packaging go), which names exactly the deployed files.
def repo = new File(basedir, 'remote-repo/dev/gomvn/it/build-cache-extension/1.0')
def deployedLinux = new File(repo, 'build-cache-extension-1.0-linux-amd64.bin')
def deployedWindows = new File(repo, 'build-cache-extension-1.0-windows-amd64.exe')
def deployedSboms = [new File(repo, 'build-cache-extension-1.0-linux-amd64-cyclonedx.json'),
                     new File(repo, 'build-cache-extension-1.0-windows-amd64-cyclonedx.json')]
assert deployedLinux.bytes == linux.bytes
assert deployedWindows.bytes == windows.bytes
assert deployedSboms*.bytes == [linuxSbom.bytes, windowsSbom.bytes]
assert new File(repo, 'build-cache-extension-1.0.pom').isFile()
def published = new File(repo, 'build-cache-extension-1.0.sha256sums')
assert published.isFile() : 'the published checksum list was not deployed'
assert published.readLines().collectEntries { line -> def (sha, name) = line.split('  '); [name, sha] } ==
        ([deployedLinux, deployedWindows] + deployedSboms + [new File(repo, 'build-cache-extension-1.0-provenance.intoto.json')])
                .collectEntries { [(it.name): sha256(it)] }

// install put the same files into the local repository.
def installed = new File(localRepositoryPath, 'dev/gomvn/it/build-cache-extension/1.0')
assert new File(installed, deployedLinux.name).bytes == linux.bytes
assert new File(installed, deployedWindows.name).bytes == windows.bytes
assert new File(installed, published.name).bytes == published.bytes

// The embedded file is an input: the restored binary carries it.
assert new String(linux.bytes, 'ISO-8859-1').contains('hello from the build cache')
return true
