// Shared by the ITs that need an HTTP store: the README's nginx with WebDAV (PUT) on 127.0.0.1 and a free port, its
// configuration, logs and files under <dir>, stopped when the invoker's JVM ends if verify.groovy did not
// (it kills the pid in <dir>/nginx.pid).
// Use: def store = evaluate(new File(repositoryRoot, 'src/it/nginx-webdav.groovy'))(new File(basedir, 'nginx'))
// It returns [url: 'http://127.0.0.1:<port>/go-build-cache', files: <dir>/root/go-build-cache].
return { File dir ->
    def nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx'].find { new File(it).canExecute() }
    assert nginx : 'nginx is missing: run src/it/install-test-servers.sh (as root) to install Debian\'s nginx-light'
    def root = new File(dir, 'root')
    new File(root, 'go-build-cache').mkdirs()
    ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].each { new File(dir, "temp/${it}").mkdirs() }
    def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
    int port = local.freePort()
    boolean root_user = 'id -u'.execute().text.trim() == '0'
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
    new File(dir, 'nginx.conf').text = """\
${root_user ? 'user root;' : ''}
worker_processes 1;
pid ${path}/nginx.pid;
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
    // In the foreground: the watchdog stops it with the JVM. It writes nginx.pid itself, which verify.groovy kills.
    local.start([nginx, '-p', path, '-c', "${path}/nginx.conf".toString(), '-e', "${path}/error.log".toString(), '-g', 'daemon off;'],
            new File(dir, 'watchdog.log'), port, 'nginx') { new File(dir, 'error.log').text }
    return [url: "http://127.0.0.1:${port}/go-build-cache".toString(), files: new File(root, 'go-build-cache')]
}
