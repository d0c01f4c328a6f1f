def reports = new File(basedir, 'target/surefire-reports')
def calc = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.reports.calc.xml'))
assert calc.@name == 'example.com/reports/calc'
assert calc.@tests == '6'
assert calc.@failures == '3'
assert calc.@skipped == '1'
def byName = calc.testcase.collectEntries { [(it.@name.toString()): it] }
assert byName.keySet().containsAll(['TestAddPasses', 'TestAddFails', 'TestSkipped', 'TestTable', 'TestTable/small', 'TestTable/negative'])
assert byName['TestAddFails'].failure.text().contains('Add(2, 2) = 4, want 5')
assert byName['TestAddFails'].failure.text().contains('about to compare')
assert !byName['TestAddFails'].failure.text().contains('got -2, want -3')
assert byName['TestTable/negative'].failure.text().contains('got -2, want -3')
assert byName['TestSkipped'].skipped.@message.toString().contains('needs a database')
assert byName['TestAddPasses'].failure.size() == 0

def broken = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.reports.broken.xml'))
assert broken.@errors == '1'
assert broken.testcase.error.text().contains('broken_test.go:6')

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 7, Failures: 3, Errors: 1, Skipped: 1')
return true
