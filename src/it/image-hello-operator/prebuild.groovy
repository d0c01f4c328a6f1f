// The hello-operator example's Go module as it is in examples/, a registry on 127.0.0.1 and, in it, the test's
// 3-platform base image; .mvn/maven.config points go:image and go:image-push at them.
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
new File(basedir, 'registry.properties').text = "host=${registry.host}\nbaseDigest=${base.digest}\nbaseLayer=${base.layer}\n"
return true
