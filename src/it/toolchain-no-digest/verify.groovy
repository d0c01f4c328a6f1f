def log = new File(basedir, 'build.log').text
assert log.contains("No SHA-256 found for ${installedGoVersion}.")
assert log.contains('Refusing an unverified Go SDK. Pin the digest published on https://go.dev/dl/ with <sha256>...</sha256> (go.sha256)')
// Refused means nothing was installed.
assert !log.contains('Installed Go SDK')
def sdk = new File(basedir, 'target/sdk')
assert !(sdk.listFiles() ?: []).any { it.name.startsWith('go') && it.directory } : 'nothing may be installed'
return true
