def log = new File(basedir, 'build.log').text
// Maven's -X parameter dump shows the URL without its login.
assert log.contains('(f) buildCacheUrl = ftp://***@cache.example.com/go')
assert log.contains("[ERROR] Failed to execute goal dev.gomvn:go-maven-plugin:")
assert log.contains("<buildCacheUrl> (go.buildCache.url) is 'ftp://***@cache.example.com/go', but the store is reached"
        + " over http or https; give the base URL of an HTTP store that answers GET and PUT, e.g."
        + " https://nexus.example.com/repository/go-build-cache or http://cache.example.com/go.")
assert !log.contains('cache-s3cret') : 'the login in the URL was printed'
assert !new File(basedir, 'target/go/bin').exists() : 'something was built'
return true
