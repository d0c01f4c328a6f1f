def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /Coverage: \d+\.\d% of statements/
assert new File(basedir, 'target/go/coverage.out').isFile()
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.com.filter.calc.xml'))
assert xml.testcase.size() == 1 && xml.testcase[0].@name == 'TestAddPasses'
return true
