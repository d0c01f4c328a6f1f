def log = new File(basedir, 'build.log').text
// Maven's own parameter dump shows the URLs without their logins...
assert log.contains('(f) proxy = http://***@127.0.0.1:9/go')
assert log.contains('(f) downloadRoot = http://***@127.0.0.1:9/dl/')
// ...the build warns that a login in a parameter belongs in a settings.xml <server>...
assert log.contains('[WARNING] <proxy> (go.proxy) holds a user:password@ login (http://***@127.0.0.1:9/go).')
assert log.contains('[WARNING] <downloadRoot> (go.downloadRoot) holds a user:password@ login (http://***@127.0.0.1:9/dl/).')
// ...-X shows each go command line and the variables it runs with, the environment's GOPROXY login hidden...
assert log =~ /\[DEBUG\] Running in \S+: \S+ env -json/
assert log.contains("GOPROXY='http://***@127.0.0.1:9/env'")
// ...the failure names the proxy it tried, and no password appears anywhere.
assert log.contains('[ERROR]') && log.contains('127.0.0.1:9')
assert !log.contains('s3cret')
return true
