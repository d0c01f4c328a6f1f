def log = new File(basedir, 'build.log').text
assert log.contains('GO111MODULE=off (set by the go-maven-plugin <environment> in the POM) puts go in GOPATH mode')
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
