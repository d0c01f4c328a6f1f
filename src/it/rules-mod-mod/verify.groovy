def log = new File(basedir, 'build.log').text
assert log.contains('contains -mod=mod, so builds may rewrite go.mod and go.sum in CI')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
