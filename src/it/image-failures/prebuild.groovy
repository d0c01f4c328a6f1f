// A registry on 127.0.0.1 that wants a login settings.xml's <server> image-registry gets wrong.
def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), true)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.image=${registry.host}/acme/tool\n-Dgo.image.allowInsecureRegistries=true\n"
new File(basedir, 'registry-host.txt').text = registry.host
return true
