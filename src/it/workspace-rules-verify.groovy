// Shared by the workspace ITs (rules-workspace: go.work replaces the workspace module lib by ./lib;
// rules-workspace-requires: nothing replaces it, the workspace provides it): app requires lib v0.0.0 and
// github.com/google/uuid, whose sums are only in go.work.sum. Each module is judged in workspace mode, as go build
// in its directory judges it: go.work.sum counts, and lib needs no sum line and no download. Every rule says what it
// checked; none did for the aggregator, which holds no Go code. Nothing is modified.
// Use: evaluate(new File(repositoryRoot, 'src/it/workspace-rules-verify.groovy'))(basedir, 'rules-workspace')
return { File basedir, String name ->
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('BUILD FAILURE')

    def dir = basedir.toPath().toAbsolutePath().normalize()
    def work = dir.resolve('go.work')
    def once = { String line -> assert log.count(line) == 1 : "expected once: ${line}" }
    def mode = "in module mode (GO111MODULE not off, no -mod=mod in GOFLAGS), one of the modules of the workspace ${work}"
    once("[INFO] requireModules passed for ${dir.resolve('app')}: module example.com/app with 'go 1.22' ${mode}, "
            + "go.work.sum or a module's go.sum present for 1 requirement (1 more met by local directories: a replace or a workspace module), "
            + "no replace outside the repository\n")
    once("[INFO] requireModules passed for ${dir.resolve('lib')}: module example.com/lib with 'go 1.22' ${mode}, "
            + "no requirements, no replace outside the repository\n")
    ['app', 'lib'].each {
        once("[INFO] requireGoSumVerified passed for ${dir.resolve(it)}: every module of the build matches the sum files "
                + "of the workspace ${work} (each module's go.sum and go.work.sum), downloaded and checked; "
                + "go.work, go.work.sum and every workspace module's go.mod and go.sum unchanged\n")
        once("[INFO] forbidGosumdbOff passed for ${dir.resolve(it)}: checksum database sum.golang.org is on")
    }
    // Only linked modules count: app links uuid, lib links no module (uuid is in the workspace's build list, not in lib's code).
    once("[INFO] requireConsistentModuleVersions compared nothing in ${dir.resolve('app')}: [github.com/google/*] links only github.com/google/uuid v1.6.0; nothing to compare\n")
    once("[WARNING] requireConsistentModuleVersions in ${dir.resolve('lib')}: The group [github.com/google/*] matches no module linked by the build or its tests")
    once("[INFO] requireConsistentModuleVersions compared nothing in ${dir.resolve('lib')}: no module of group [github.com/google/*] is linked; nothing to compare\n")
    assert !log.contains("passed for ${dir}:")
    assert !log.contains('there is no go.sum')
    assert !log.contains('-modfile cannot be used in workspace mode')
    assert !log.contains('example.com/lib@v0.0.0') && !log.contains('no go.work.sum')

    // Nothing modified: the workspace's files byte for byte as committed in src/it/<name>, and no go.sum appeared.
    evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, name,
            ['go.work', 'go.work.sum', 'app/go.mod', 'lib/go.mod'])
    ['app/go.sum', 'lib/go.sum'].each { assert !new File(basedir, it).exists() : "${it} was written" }
    true
}
