// The ITs' settings.xml with the <server> that holds the release key: keys/release-key.pem is a test-only P-256 key
// (go-core's signing fixtures: PKCS#8 encrypted by openssl pkcs8 -topk8 -v2 aes-256-cbc, passphrase test-passphrase),
// keys/release-key.pub its public key as openssl pkey -pubout wrote it.
def settings = new File(repositoryRoot, 'src/it/settings.xml').text
def key = new File(basedir, 'keys/release-key.pem').absolutePath
new File(basedir, 'settings-with-key.xml').text = settings.replaceFirst('<servers>', """<servers>
    <server>
      <id>release-signing</id>
      <privateKey>${key}</privateKey>
      <passphrase>test-passphrase</passphrase>
    </server>""")
return true
