// Starts src/it/servers/AuthenticatingProxy.java on 127.0.0.1 (login ci / proxy-s3cret) and writes
// <basedir>/settings-with-proxy.xml: the ITs' settings.xml with that proxy as a settings.xml <proxy>, for
// invoker.settingsFile. Use: def proxy = evaluate(new File(repositoryRoot, 'src/it/authenticating-proxy.groovy'))(basedir)
// or (basedir, host, directory) to have the proxy serve http://<host>/ from directory. Returns [port:, log:].
return { File basedir, String servedHost = null, File servedDirectory = null ->
    def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
    int port = local.freePort()
    def java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
    def log = new File(basedir, 'proxy-requests.log')
    def output = new File(basedir, 'proxy.out')
    def command = [java, new File(repositoryRoot, 'src/it/servers/AuthenticatingProxy.java').absolutePath,
                   "${port}".toString(), 'ci:proxy-s3cret', log.absolutePath]
    if (servedHost != null) {
        command += [servedHost, servedDirectory.absolutePath]
    }
    new File(basedir, 'proxy.pid').text = local.start(command, output, port, 'proxy') { output.text }
    // The ITs' settings.xml (its @localRepositoryUrl@ filled in by the invoker) with the proxy added.
    def settings = new File(repositoryRoot, 'src/it/settings.xml').text
    new File(basedir, 'settings-with-proxy.xml').text = settings.replaceFirst('<settings>', """<settings>
  <proxies>
    <proxy>
      <id>company</id>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${port}</port>
      <username>ci</username>
      <password>proxy-s3cret</password>
    </proxy>
  </proxies>""")
    [port: port, log: log]
}
