def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def binary = new File(basedir, 'target/go/bin/linux_amd64/tokens').path
// The highest version is the C start-up code's (glibc 2.34 moved __libc_start_main); the user's own call is named too.
assert log =~ /${java.util.regex.Pattern.quote(binary)} needs GLIBC_2\.34 via __libc_start_main, (GLIBC_2\.\d+ via \w+, )*GLIBC_2\.25 via getrandom; floor is 2\.17 /
assert log.contains('Raise the floor with <glibc>2.34</glibc>, build against an older glibc')
// The given CC was used: no Zig was provisioned.
assert !log.contains('Zig')
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'build-cgo-glibc-floor', ['go.mod', 'main.go'])
return true
