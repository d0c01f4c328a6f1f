def log = new File(basedir, 'build.log').text
def dir = basedir.toPath().toAbsolutePath().normalize()
assert log.contains('BUILD SUCCESS')
// Each module is judged in workspace mode, as go build in its directory: go.work.sum counts, and the
// workspace module lib, which go.work replaces by ./lib, needs no line.
['app', 'lib'].each {
    assert log.contains("[INFO] ${dir.resolve(it)} is checked in the workspace ${dir.resolve('go.work')}, "
            + "as go build there runs: the go.sum of each of its modules and ${dir.resolve('go.work.sum')} count; "
            + "go ran against a temporary copy of go.work and go.work.sum.")
}
assert !log.contains('there is no go.sum')
assert !log.contains('-modfile cannot be used in workspace mode')
// The user's files are byte-identical, and no go.sum appeared.
['go.work', 'go.work.sum', 'app/go.mod', 'lib/go.mod'].each {
    assert new File(basedir, it).bytes == new File(basedir, it + '.orig').bytes : "${it} changed"
}
['app/go.sum', 'lib/go.sum'].each { assert !new File(basedir, it).exists() : "${it} was written" }
return true
