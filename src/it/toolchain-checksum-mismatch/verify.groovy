def log = new File(basedir, 'build.log').text
assert log.contains("SHA-256 mismatch for ${installedGoVersion}.")
assert log.contains('expected 0000000000000000000000000000000000000000000000000000000000000000 (from the checksum file file:')
assert log.contains('The download is corrupt or tampered with; nothing was installed.')
def sdk = new File(basedir, 'target/sdk')
assert !sdk.listFiles().any { it.name.startsWith('go') && it.directory } : 'nothing may be installed'
assert new File(sdk, '.tmp').list().length == 0
assert !log.contains('Installed Go SDK')
return true
