// A real HTTP store for the builds of this IT: nginx with WebDAV (or, without nginx, the same block served by
// servers/build-cache-store), its URL given to every go goal as go.buildCache.url through .mvn/maven.config.
def store = evaluate(new File(repositoryRoot, 'src/it/build-cache-store.groovy'))(new File(basedir, 'store'))
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo.buildCache.url=${store.url}\n"
new File(basedir, 'store-url.txt').text = store.url
return true
