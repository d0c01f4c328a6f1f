// A registry on 127.0.0.1 without a login; cosign built (servers/provision.sh, minutes on a first run) before Maven
// runs, so its build does not count against the builds'.
def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), false)
evaluate(new File(repositoryRoot, 'src/it/local-server.groovy')).provision('cosign')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.image=${registry.host}/acme/signed\n-Dgo.image.allowInsecureRegistries=true\n"
new File(basedir, 'registry-host.txt').text = registry.host
return true
