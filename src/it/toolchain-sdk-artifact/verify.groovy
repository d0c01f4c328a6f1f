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

// Run by run: the mismatch installed nothing, the real install happened once, the cache hit resolved nothing.
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 3
assert runs[0].contains('The download is corrupt or tampered with; nothing was installed.')
assert !runs[0].contains('Installed Go SDK')
assert runs[1].count('[INFO] Installed Go SDK ') == 1
assert runs[1].contains("[INFO] Installed Go SDK ${sdk.name} into ${sdk.canonicalPath} (")
assert runs[2].contains(": Go SDK cached in ${sdk.canonicalPath}, verified at install against the checksum file file:")
assert !runs[2].contains('Installed Go SDK') && !runs[2].contains('Installing Go ') && !runs[2].contains('resolved as the artifact')
return true
