def log = new File(basedir, 'build.log').text
assert log.contains('is not in the required range [1.99,). Set go.version to a version in that range')
assert log.contains('(GOROOT ')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
