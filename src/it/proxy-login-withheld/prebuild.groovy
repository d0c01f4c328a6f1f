// The company's Go module proxy (http://modules.gomvn.invalid, served by the company proxy itself) holds
// example.test/greet v1.0.0, made here from greet-module/ as a module proxy lays a module out.
def modules = new File(basedir, 'target/module-proxy')
def versions = new File(modules, 'example.test/greet/@v')
versions.mkdirs()
def source = new File(basedir, 'greet-module')
new File(versions, 'list').text = 'v1.0.0\n'
new File(versions, 'v1.0.0.info').text = '{"Version":"v1.0.0","Time":"2026-01-01T00:00:00Z"}'
new File(versions, 'v1.0.0.mod').bytes = new File(source, 'go.mod').bytes
new java.util.zip.ZipOutputStream(new FileOutputStream(new File(versions, 'v1.0.0.zip'))).withCloseable { zip ->
    ['go.mod', 'greet.go'].each { name ->
        zip.putNextEntry(new java.util.zip.ZipEntry("example.test/greet@v1.0.0/${name}"))
        zip.write(new File(source, name).bytes)
        zip.closeEntry()
    }
}
evaluate(new File(repositoryRoot, 'src/it/authenticating-proxy.groovy'))(basedir, 'modules.gomvn.invalid', modules)
return true
