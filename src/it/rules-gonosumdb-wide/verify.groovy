def log = new File(basedir, 'build.log').text
assert log.contains("has the pattern 'github.com', which matches public modules such as github.com/stretchr/testify: that is GOSUMDB=off in disguise")
assert log.contains('The build uses github.com/google/uuid, which GONOSUMDB=github.com')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
