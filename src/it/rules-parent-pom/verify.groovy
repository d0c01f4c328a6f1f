def log = new File(basedir, 'build.log').text
// Each bad child fails with its rule's message; the good Go child and the Java child pass.
assert log.contains("is older than go.mod's 'go 1.99' line")
assert log.contains('GO111MODULE=off (set by the go-maven-plugin <environment> in the POM) puts go in GOPATH mode')
assert log.contains("the go.sum line for github.com/google/uuid v1.6.0 disagrees with the module's real content")
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM) switches off checksum-database verification')
assert log =~ /good \.+ SUCCESS/
assert log =~ /java-lib \.+ SUCCESS/
['bad-version', 'bad-modules', 'bad-gosum', 'bad-sumdb'].each { assert log =~ /${it} \.+ FAILURE/ }
return true
