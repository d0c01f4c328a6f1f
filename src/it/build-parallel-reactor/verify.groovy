['alpha', 'beta'].each { m ->
    assert new File(basedir, "${m}/target/go/bin/windows_amd64/${m}.exe").isFile()
    assert new File(basedir, "${m}/target/go/bin/SHA256SUMS").readLines().size() == 2
}
def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder') || log.contains('threads')
return true
