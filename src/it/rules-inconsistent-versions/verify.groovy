def log = new File(basedir, 'build.log').text
assert log.contains('group [golang.org/x/*]: golang.org/x/mod v0.22.0, golang.org/x/sync v0.10.0')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
