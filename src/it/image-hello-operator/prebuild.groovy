// The hello-operator example's Go module as it is in examples/, a registry on 127.0.0.1 and, in it, the test's
// 3-platform base image; .mvn/maven.config points go:image and go:image-push at them. Then a base gomvn had no part
// in, for run 3: an arm64 image crane makes (a layer with etc/greeting, env, label, user, working directory, Cmd),
// pushes and pulls as an OCI layout into crane-base/layout.
def example = new File(repositoryRoot, 'examples/hello-operator')
['go.mod', 'go.sum', 'cmd/manager/main.go', 'internal/reconcile/reconcile.go', 'internal/reconcile/reconcile_test.go'].each {
    def target = new File(basedir, it)
    target.parentFile.mkdirs()
    target.bytes = new File(example, it).bytes
}
def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), false)
def base = evaluate(new File(repositoryRoot, 'src/it/image-base.groovy'))(registry.host, 'base/static', '1')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.image=${registry.host}/acme/hello-operator\n" +
        "-Dgo.image.from=${base.reference}@${base.digest}\n" +
        "-Dgo.image.allowInsecureRegistries=true\n"

def crane = evaluate(new File(repositoryRoot, 'src/it/crane.groovy'))(new File(basedir, 'crane.log'))
def files = new File(basedir, 'crane-base/files')
new File(files, 'etc').mkdirs()
new File(files, 'etc/greeting').text = 'made by crane\n'
// ustar, and no AppleDouble ._ files from macOS's tar: the layer holds etc/greeting alone.
def tarCommand = new ProcessBuilder('tar', '--format=ustar', '-cf', new File(basedir, 'crane-base/greeting.tar').absolutePath,
        '-C', files.absolutePath, 'etc/greeting').redirectErrorStream(true)
tarCommand.environment().put('COPYFILE_DISABLE', '1')
def tar = tarCommand.start()
String tarOutput = tar.inputStream.text
assert tar.waitFor() == 0 : tarOutput
def craneBase = "${registry.host}/crane/base".toString()
crane.text('append', '-f', new File(basedir, 'crane-base/greeting.tar').absolutePath, '-t', craneBase + ':layer')
String craneBaseDigest = crane.text('mutate', craneBase + ':layer', '--set-platform', 'linux/arm64', '-e', 'GREETING=hello',
        '-l', 'org.example.base=crane', '-u', '1000:1000', '-w', '/srv', '--cmd', '/bin/greet', '-t', craneBase + ':arm64').replaceAll('.*@', '')
crane.text('pull', '--format=oci', craneBase + ':arm64', new File(basedir, 'crane-base/layout').absolutePath)
String craneBaseLayer = new groovy.json.JsonSlurper().parseText(crane.text('manifest', craneBase + ':arm64')).layers[0].digest

new File(basedir, 'registry.properties').text = "host=${registry.host}\nbaseDigest=${base.digest}\nbaseLayer=${base.layer}\n" +
        "craneBaseDigest=${craneBaseDigest}\ncraneBaseLayer=${craneBaseLayer}\n"
return true
