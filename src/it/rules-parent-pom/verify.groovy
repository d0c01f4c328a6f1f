def log = new File(basedir, 'build.log').text
assert log.contains('GOSUMDB=off (set by the go-maven-plugin <environment> in the POM) switches off checksum-database verification')
assert log =~ /good \.+ SUCCESS/
assert log =~ /java-lib \.+ SUCCESS/
assert log =~ /bad \.+ FAILURE/
return true
