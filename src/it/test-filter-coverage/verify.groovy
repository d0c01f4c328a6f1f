def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /Coverage: \d+\.\d% of statements/
assert new File(basedir, 'target/go/coverage.out').isFile()
// A real Go cover profile: its mode line, then blocks of calc.go.
def profile = new File(basedir, 'target/go/coverage.out').readLines()
assert profile[0].startsWith('mode: ')
assert profile.size() > 1 && profile.drop(1).every { it.contains('/calc/calc.go:') }
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.com.filter.calc.xml'))
assert xml.testcase.size() == 1 && xml.testcase[0].@name == 'TestAddPasses'
return true
