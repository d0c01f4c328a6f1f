def log = new File(basedir, 'build.log').text
// Maven's -X parameter dump shows the URL without its login.
assert log.contains('(f) buildCacheUrl = ftp://***@cache.example.com/go')
assert log.contains("[ERROR] Failed to execute goal dev.gomvn:go-maven-plugin:")
assert log.contains("<buildCacheUrl> (go.buildCache.url) is 'ftp://***@cache.example.com/go', but the store is reached"
        + " over http or https; give the base URL of an HTTP store that answers GET and PUT, e.g."
        + " https://nexus.example.com/repository/go-build-cache or http://cache.example.com/go.")
assert log.contains("[WARNING] <buildCacheUrl> (go.buildCache.url) holds a user:password@ login (http://***@127.0.0.1:9/go). It is"
        + " never printed, but a POM keeps it in version control and a -D in shell history: move the login to a settings.xml"
        + " <server> and name it with <buildCacheServerId> (go.buildCache.serverId).")
assert log.contains("<buildCacheTimeout> (go.buildCache.timeout) is 0; give the seconds the store may take, e.g. 10.")
assert !log.contains('cache-s3cret') : 'the login in the URL was printed'
assert !new File(basedir, 'target/go/bin').exists() : 'something was built'
return true
