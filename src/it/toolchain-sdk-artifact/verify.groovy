def log = new File(basedir, 'build.log').text
def sdk = new File(localRepositoryPath, '.cache/gomvn/sdk').listFiles().find { it.directory && it.name.startsWith(installedGoVersion + '.') }
assert sdk != null : 'the SDK from the artifact must be in the cache'

// Run 1: the pinned digest does not match the artifact, so nothing is installed.
assert log.contains("SHA-256 mismatch for ${installedGoVersion}.")
assert log.contains('expected 0000000000000000000000000000000000000000000000000000000000000000 (from the pinned go.sha256)')
// Run 2: resolved by Maven from the repository, verified against the mirror's checksum file.
assert log.contains("Installing Go ${installedGoNumber} from the artifact com.example.go:go-sdk:${installedGoNumber}:tar.gz:")
assert log =~ /Go SDK resolved as the artifact com\.example\.go:go-sdk:[^ ]+, SHA-256 verified against the checksum file/
// Run 3: a cache hit that needs no resolution.
assert log.contains("Go SDK cached in ${sdk.canonicalPath}")
return true
