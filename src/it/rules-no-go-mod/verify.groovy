def log = new File(basedir, 'build.log').text
assert log.contains('has .go files but no go.mod')
assert log.contains("run 'go mod init it.gomvn.dev/rules-no-go-mod'")
// A directory with .go files and no go.mod is a Go module to check, not one to skip: the rule failed.
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireModules failed with message:')
assert log.contains("${basedir.toPath().toAbsolutePath().normalize()} has .go files but no go.mod")
assert !log.contains('requireModules passed for')

// The rule proposes 'go mod init'; it never runs it: as in src/it/rules-no-go-mod, there is no go.mod and no go.sum.
def original = new File(repositoryRoot, 'src/it/rules-no-go-mod')
assert new File(original, 'main.go').isFile()
['go.mod', 'go.sum'].each { name ->
    assert !new File(original, name).exists()
    assert !new File(basedir, name).exists() : "${name} was created"
}
return true
