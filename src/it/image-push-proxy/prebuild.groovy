// A registry on 127.0.0.1 without a login, and a proxy in front of it that wants one (ci / proxy-s3cret).
def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), false)
evaluate(new File(repositoryRoot, 'src/it/authenticating-proxy.groovy'))(basedir)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.image=${registry.host}/acme/tool\n-Dgo.image.allowInsecureRegistries=true\n"
new File(basedir, 'registry-host.txt').text = registry.host
return true
