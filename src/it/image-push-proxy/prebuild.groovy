// A registry on 127.0.0.1 without a login, and a proxy in front of it that wants one (ci / proxy-s3cret).
def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), false)
def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
int proxyPort = local.freePort()
def java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
def proxyLog = new File(basedir, 'proxy-requests.log')
def proxyOutput = new File(basedir, 'proxy.out')
new File(basedir, 'proxy.pid').text = local.start(
        [java, new File(repositoryRoot, 'src/it/servers/AuthenticatingProxy.java').absolutePath,
         "${proxyPort}".toString(), 'ci:proxy-s3cret', proxyLog.absolutePath],
        proxyOutput, proxyPort, 'proxy') { proxyOutput.text }
// The ITs' settings.xml (its @localRepositoryUrl@ filled in by the invoker) with the proxy added.
def settings = new File(repositoryRoot, 'src/it/settings.xml').text
new File(basedir, 'settings-with-proxy.xml').text = settings.replaceFirst('<settings>', """<settings>
  <proxies>
    <proxy>
      <id>company</id>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${proxyPort}</port>
      <username>ci</username>
      <password>proxy-s3cret</password>
    </proxy>
  </proxies>""")
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.image=${registry.host}/acme/tool\n-Dgo.image.allowInsecureRegistries=true\n"
new File(basedir, 'registry-host.txt').text = registry.host
return true
