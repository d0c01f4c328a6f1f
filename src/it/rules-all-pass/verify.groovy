def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
