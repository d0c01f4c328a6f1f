def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')

// Two runs: online, then offline (-o) from the caches. Each of the five rules must have checked this
// Go module: the enforcer's own "Rule N: ... passed" appears for a rule that skipped, ours does not.
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
def dir = basedir.toPath().toAbsolutePath().normalize()
def once = { String run, String line -> assert run.count(line) == 1 : "expected once: ${line}" }
runs.eachWithIndex { run, i ->
    once(run, "[INFO] requireGoVersion passed for ${dir}: Go ${installedGoNumber} is in [1.21,) and is not older than go.mod's 'go 1.22'\n")
    once(run, "[INFO] requireModules passed for ${dir}: module example.com/rules-all-pass with 'go 1.22' in module mode (GO111MODULE not off, no -mod=mod in GOFLAGS), go.sum present for 1 requirement\n")
    def how = i == 0 ? 'downloaded and checked' : 'checked in the module cache (-o)'
    once(run, "[INFO] requireGoSumVerified passed for ${dir}: every module of the build matches go.sum, ${how}; go.mod and go.sum unchanged\n")
    once(run, "[INFO] forbidGosumdbOff passed for ${dir}: checksum database sum.golang.org is on")
    // Without <groups>, the Kubernetes release modules: none is linked, and the rule says so rather than "passed".
    once(run, "[INFO] requireConsistentModuleVersions compared nothing in ${dir}: no module of group [@kubernetes] is linked; "
            + "nothing to compare (no <groups> configured: the default group @kubernetes holds the k8s.io modules released together with Kubernetes)\n")
    (0..4).each { once(run, "[INFO] Rule ${it}: dev.gomvn.enforcer.") }
}

// Nothing modified: go.mod and go.sum byte for byte as committed in src/it/rules-all-pass.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-all-pass', ['go.mod', 'go.sum'])
return true
