def log = new File(basedir, 'build.log').text
assert log.contains("go.sum:1: the go.sum line for github.com/google/uuid v1.6.0 disagrees with the module's real content")
assert log.contains('never just delete the line')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
