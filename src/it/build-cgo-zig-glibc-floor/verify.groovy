def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// Zig's own words, then gomvn's: which glibc has the function, and the floor the target is built against.
assert log.contains("call to undeclared function 'getrandom'")
assert log.contains('(gomvn: getrandom is in glibc 2.25 and later; linux/amd64 is built against glibc 2.17, its floor.'
        + ' Raise the floor to 2.25 with <glibc>2.25</glibc> or linux/amd64@glibc2.25 if the nodes have it, or do without.)')
assert !new File(basedir, 'target/go/bin/linux_amd64/tokens').exists()
return true
