def log = new File(basedir, 'build.log').text
assert log.contains('contains -mod=mod, so builds may rewrite go.mod and go.sum in CI')
// The failure is this rule's, and the rule did not also report that it passed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireModules failed with message:')
assert !log.contains('requireModules passed for')

// Nothing modified: the rule reads go.mod and go.sum, both byte for byte as committed in src/it/rules-mod-mod.
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-mod-mod', ['go.mod', 'go.sum'])
return true
