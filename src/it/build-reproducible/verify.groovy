def first = new File(basedir, 'target/first/SHA256SUMS').text
def second = new File(basedir, 'target/second/SHA256SUMS').text
assert first.readLines().size() == 2
assert first == second : "binaries differ between builds:\n${first}\n${second}"
return true
