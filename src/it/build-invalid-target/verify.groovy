def log = new File(basedir, 'build.log').text
assert log.contains("Unknown target 'linux/amd46' (closest: linux/amd64, linux/arm64, linux/386) in <targets> (go.targets)")
assert !new File(basedir, 'target/go/bin/linux_amd64').exists() : 'nothing may build when a target is invalid'
// Not even the valid target: no go build ran and no output directory was made.
assert !new File(basedir, 'target/go/bin').exists() : 'nothing may build when a target is invalid'
assert !log.contains("'go build ")
assert !log.contains('verified binar')
return true
