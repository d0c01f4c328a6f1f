def log = new File(basedir, 'build.log').text
def dir = basedir.toPath().toAbsolutePath().normalize()
// Before, requireConsistentModuleVersions ended the enforcer with go's raw "missing go.sum entry" as a rule
// error, and the enforcer dropped the failures it had collected from the rules before it. Now every
// failure is reported, each with its fix.
assert log.contains('[ERROR] Rule 1: dev.gomvn.enforcer.RequireModules failed with message:\n'
        + "[ERROR] ${dir}/go.mod requires 1 module but there is no go.sum, so nothing pins its content. Fix: run 'go mod tidy' and commit go.sum.")
assert log.contains('[ERROR] Rule 2: dev.gomvn.enforcer.RequireGoSumVerified failed with message:')
assert log =~ /lacks the (zip hash and go\.mod hash|go\.mod hash and zip hash) of github\.com\/google\/uuid v1\.6\.0, which the build or its tests need\. Fix: run 'go mod tidy' and commit go\.sum\./
assert log =~ /\[ERROR\] Rule 4: dev\.gomvn\.enforcer\.RequireConsistentModuleVersions failed with message:\n\[ERROR\] Cannot judge until go\.sum is complete and correct: go cannot load the modules of \Q${dir}\E because go\.sum is incomplete: (github\.com\/google\/uuid@v1\.6\.0: )?missing go\.sum entry/
assert log.contains("Fix: run 'go mod tidy' and commit go.sum (requireModules and requireGoSumVerified name every missing or wrong line).")
// The two rules that need no go.sum passed; the three failures above were all reported together.
assert log.contains('[INFO] requireGoVersion passed for')
assert log.contains('[INFO] forbidGosumdbOff passed for')
// go's own advice ('to add: go mod download ...') would add lines without tidying: not repeated.
assert !log.contains('to add')

// Nothing modified and nothing written: go.mod as committed, and still no go.sum.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-gosum-incomplete', ['go.mod'])
assert !new File(basedir, 'go.sum').exists()
return true
