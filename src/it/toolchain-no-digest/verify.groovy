def log = new File(basedir, 'build.log').text
assert log.contains("No SHA-256 found for ${installedGoVersion}.")
assert log.contains('Refusing an unverified Go SDK. Pin the digest published on https://go.dev/dl/ with <sha256>...</sha256> (go.sha256)')
return true
