import com.sun.net.httpserver.HttpServer
import java.util.zip.GZIPOutputStream

// Serves examples/vulndb as vuln.go.dev serves the database: every file gzipped, as <name>.json.gz.
def root = new File(repositoryRoot, 'examples/vulndb')
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
server.createContext('/vulndb/') { exchange ->
    def path = exchange.requestURI.path.substring('/vulndb/'.length())
    def file = new File(root, path.replaceFirst(/\.gz$/, ''))
    if (!path.endsWith('.json.gz') || !file.isFile()) {
        exchange.sendResponseHeaders(404, -1)
    } else {
        def bytes = new ByteArrayOutputStream()
        new GZIPOutputStream(bytes).withStream { it.write(file.bytes) }
        exchange.sendResponseHeaders(200, bytes.size())
        exchange.responseBody.withStream { it.write(bytes.toByteArray()) }
    }
    exchange.close()
}
server.start()
// The invoker runs Maven in another process; it finds the URL in .mvn/maven.config. verify.groovy stops the server.
System.properties['gomvn.it.vulnServer'] = server
def url = "http://127.0.0.1:${server.address.port}/vulndb"
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dvuln.database=${url}\n"
new File(basedir, 'database.url').text = url
return true
