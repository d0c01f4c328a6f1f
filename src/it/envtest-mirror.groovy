// Shared by the ITs' prebuild.groovy: a file: mirror of controller-tools' envtest release for this
// machine, laid out as the real archive (controller-tools/envtest/{etcd,kube-apiserver,kubectl}, here
// scripts), with the .sha256 file beside it; and an envtest cache without that version, so the build
// installs it. Use:
//   evaluate(new File(repositoryRoot, 'src/it/envtest-mirror.groovy'))(basedir, '1.31.0')
return { File clone, String version ->
    def go = new File(installedGoRoot, 'bin/go').path
    def env = { name -> [go, 'env', name].execute(['GOTOOLCHAIN=local', "HOME=${System.getenv('HOME')}"], null).text.trim() }
    def archiveName = "envtest-v${version}-${env('GOOS')}-${env('GOARCH')}.tar.gz"
    def staging = new File(clone, 'envtest-staging/controller-tools/envtest')
    staging.mkdirs()
    ['etcd', 'kube-apiserver', 'kubectl'].each { name ->
        def script = new File(staging, name)
        script.text = "#!/bin/sh\necho fake ${name} \"\$@\"\n"
        script.setExecutable(true, false)
    }
    def mirror = new File(clone, 'envtest-mirror')
    mirror.mkdirs()
    def archive = new File(mirror, archiveName)
    def tar = ['tar', '-czf', archive.path, '-C', new File(clone, 'envtest-staging').path, 'controller-tools/envtest'].execute()
    tar.waitFor()
    assert tar.exitValue() == 0 : tar.err.text
    def digest = java.security.MessageDigest.getInstance('SHA-256').digest(archive.bytes).encodeHex().toString()
    new File(mirror, archiveName + '.sha256').text = "${digest}  ${archiveName}\n"
    new File(localRepositoryPath, '.cache/gomvn/sdk/envtest').listFiles()?.findAll { it.name.startsWith("v${version}.") }?.each { it.deleteDir() }
}
