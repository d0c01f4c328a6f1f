def log = new File(basedir, 'build.log').text
assert log.contains("Unknown target 'linux/amd46' (closest: linux/amd64, linux/arm64, linux/386) in <targets> (go.targets)")
assert !new File(basedir, 'target/go/bin/linux_amd64').exists() : 'nothing may build when a target is invalid'
return true
