def log = new File(basedir, 'build.log').text
// The mirror holds the Go installed here, not 1.99.0: the message says the version does not exist, where it was
// looked for, which setting asked for it and which releases there are.
assert log =~ /\[ERROR\] .*go1\.99\.0 for [a-z0-9]+\/[a-z0-9]+ does not exist: file:\S+\/good\/ has no go1\.99\.0\.[a-z0-9]+-[a-z0-9]+\.(tar\.gz|zip)\. <version> \(go\.version\) 1\.99\.0 asks for it: set it to a released Go version, such as go1\.\d+\.\d+ \(the newest of each release line that file:\S+\/good\/ lists\)\./
assert !log.contains('checksum database')
assert !new File(basedir, 'target/sdk').listFiles()?.any { it.name.startsWith('go1.99.0') }
return true
