// A registry on 127.0.0.1 that wants a login settings.xml's <server> image-registry gets wrong.
def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), true)
// And one that accepts connections and never answers.
def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
int hangingPort = local.freePort()
def java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
def hangingLog = new File(basedir, 'hanging.log')
new File(basedir, 'hanging.pid').text = local.start(
        [java, new File(repositoryRoot, 'src/it/servers/HangingServer.java').absolutePath, "${hangingPort}".toString()],
        hangingLog, hangingPort, 'hanging') { hangingLog.text }
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.image=${registry.host}/acme/tool\n-Dgo.image.allowInsecureRegistries=true\n" +
        "-Dhanging.registry=127.0.0.1:${hangingPort}\n"
new File(basedir, 'registry-host.txt').text = registry.host
return true
