def log = new File(basedir, 'build.log').text
assert log.contains('main.go:4:2: undefined: undefinedThing')
assert log.contains('linux/amd64')
assert log.contains('failed to build')
// The compiler's file:line comes out under the target's name, and the failure names the target and its go build.
assert log.contains('[INFO] [linux/amd64] ./main.go:4:2: undefined: undefinedThing')
assert log.contains('on project build-compile-error: 1 of the targets failed to build:')
assert log.contains("[ERROR] linux/amd64: 'go build ")
assert !new File(basedir, 'target/go/bin/linux_amd64/build-compile-error').exists() : 'a failed target leaves no binary'
return true
