def log = new File(basedir, 'build.log').text
assert log.contains("lacks the zip hash of github.com/google/uuid v1.6.0, which the build or its tests need. Fix: run 'go mod tidy' and commit go.sum.")
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
