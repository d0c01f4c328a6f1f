def log = new File(basedir, 'build.log').text
assert log.contains("<version> (go.version) '1.2x' is not a Go version; use a form like 1.22.5, 1.23rc1 or go1.21.0.")
return true
