def log = new File(basedir, 'build.log').text
assert log.contains('main.go:4:2: undefined: undefinedThing')
assert log.contains('linux/amd64')
assert log.contains('failed to build')
return true
