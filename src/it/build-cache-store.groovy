// Shared by the ITs that need an HTTP store: the README's nginx with WebDAV (PUT) on 127.0.0.1 and a free port, its
// configuration, logs and files under <dir>, stopped when the invoker's JVM ends if verify.groovy did not
// (it kills the pid in <dir>/server.pid). Where nginx is not on PATH, the same block is served by
// servers/build-cache-store (built by servers/provision.sh), with the same files and access log; src/it/pom.xml
// then prints one WARNING saying so. nginx stays the reference: .ci/run installs it, so CI runs against nginx.
// Use: def store = evaluate(new File(repositoryRoot, 'src/it/build-cache-store.groovy'))(new File(basedir, 'store'))
// It returns [url: 'http://127.0.0.1:<port>/go-build-cache', files: <dir>/root/go-build-cache, server: 'nginx' or
// 'build-cache-store'].
return { File dir ->
    def root = new File(dir, 'root')
    new File(root, 'go-build-cache').mkdirs()
    def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
    int port = local.freePort()
    def path = dir.absolutePath
    // The server block is the README's, as written, with this machine's port, directory and password file:
    // the README's set-up is what this test runs. Its login is the settings.xml <server> go-build-cache of the ITs.
    def readme = new File(repositoryRoot, 'README.md').text
    def blocks = (readme =~ /(?s)```nginx\n(.*?)```/).collect { it[1] }
    assert blocks.size() == 1 : 'README.md has no (or more than one) nginx block'
    def server = blocks[0]
    def replacements = ['listen 8080;': "listen 127.0.0.1:${port};",
                        'root /srv;': "root ${root.absolutePath};",
                        '/etc/nginx/go-cache.htpasswd': "${path}/htpasswd"]
    replacements.each { from, to ->
        assert server.contains(from) : "the README's nginx block no longer contains '${from}'"
        server = server.replace(from, to.toString())
    }
    new File(dir, 'htpasswd').text = 'ci:{PLAIN}cache-s3cret\n'
    def nginx = local.onPath('nginx')
    if (nginx == null) {
        def store = local.provision('build-cache-store')
        local.start([store, '-listen', "127.0.0.1:${port}".toString(), '-root', root.absolutePath, '-location', '/go-build-cache/',
                     '-htpasswd', "${path}/htpasswd".toString(), '-access-log', "${path}/access.log".toString(),
                     '-pid', "${path}/server.pid".toString()],
                new File(dir, 'error.log'), port, 'build-cache-store') { new File(dir, 'error.log').text }
        return [url: "http://127.0.0.1:${port}/go-build-cache".toString(), files: new File(root, 'go-build-cache'),
                server: 'build-cache-store']
    }
    ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].each { new File(dir, "temp/${it}").mkdirs() }
    boolean rootUser = 'id -u'.execute().text.trim() == '0'
    new File(dir, 'nginx.conf').text = """\
${rootUser ? 'user root;' : ''}
worker_processes 1;
pid ${path}/server.pid;
error_log ${path}/error.log;
events { worker_connections 64; }
http {
    access_log ${path}/access.log;
    client_body_temp_path ${path}/temp/body;
    proxy_temp_path ${path}/temp/proxy;
    fastcgi_temp_path ${path}/temp/fastcgi;
    uwsgi_temp_path ${path}/temp/uwsgi;
    scgi_temp_path ${path}/temp/scgi;
${server}
}
"""
    // In the foreground: the watchdog stops it with the JVM. It writes server.pid itself, which verify.groovy kills.
    local.start([nginx, '-p', path, '-c', "${path}/nginx.conf".toString(), '-e', "${path}/error.log".toString(), '-g', 'daemon off;'],
            new File(dir, 'watchdog.log'), port, 'nginx') { new File(dir, 'error.log').text }
    return [url: "http://127.0.0.1:${port}/go-build-cache".toString(), files: new File(root, 'go-build-cache'), server: 'nginx']
}
