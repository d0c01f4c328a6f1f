def reports = new File(basedir, 'target/surefire-reports')
def suite = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.suite.calc.xml'))
assert suite.@name == 'example.com/suite/calc'
assert suite.@tests == '6'
assert suite.@failures == '1'
assert suite.@skipped == '2'
def specs = suite.testcase.collectEntries { [(it.@name.toString()): it] }
assert specs.keySet() == ['Calculator Add adds two positive numbers', 'Calculator Add adds a negative number',
        'Calculator Add is wrong on purpose', 'Calculator Divide divides evenly',
        'Calculator Divide needs a database', 'Calculator Divide rounds towards zero (pending)'] as Set
def wrong = specs['Calculator Add is wrong on purpose'].failure
assert wrong.@message.toString().startsWith('two and two')
assert wrong.@message.toString().contains('calc/calc_test.go:19')
assert specs['Calculator Divide needs a database'].skipped.@message == 'skipped - no database in this environment'
assert specs['Calculator Divide rounds towards zero (pending)'].skipped.@message == 'pending'
assert specs['Calculator Divide divides evenly'].@classname == 'example.com/suite/calc'

def plain = new File(reports, 'TEST-example.com.suite.plain.xml')
def plainCases = new groovy.xml.XmlSlurper().parse(plain).testcase.collectEntries { [(it.@name.toString()): it] }
assert plainCases['TestColouredFailure'].failure.@message.toString().contains('expected 1, got 2')
[plain, new File(reports, 'TEST-example.com.suite.calc.xml')].each {
    assert !it.text.contains('\u001b') && !it.text.contains('[31m') && !it.text.contains('[0m') : "${it.name} holds colour codes"
}
// Ginkgo's own report is written under target, never into the sources.
assert new File(basedir, 'target/go/test/ginkgo/example.com.suite.calc.xml').isFile()
assert new File(basedir, 'calc').list().every { !it.endsWith('.xml') }

// A failed BeforeSuite keeps both specs from running: Ginkgo leaves them out of its report, gomvn lists them as
// skipped with the reason (from the suite's dry run), so the report counts the suite's specs.
def setup = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.suite.setup.xml'))
assert setup.@tests == '3' && setup.@failures == '1' && setup.@skipped == '2'
def setupCases = setup.testcase.collectEntries { [(it.@name.toString()): it] }
assert setupCases.keySet() == ['[BeforeSuite]', 'Orders stores an order', 'Orders lists orders'] as Set
assert setupCases['[BeforeSuite]'].failure.@message.toString().startsWith('the database must be reachable')
['Orders stores an order', 'Orders lists orders'].each {
    assert setupCases[it].skipped.@message == 'not run: [BeforeSuite] failed (the database must be reachable)'
}
// A suite without specs ran and found none: it has its report, with no testcase.
def empty = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-example.com.suite.empty.xml'))
assert empty.@tests == '0' && empty.@failures == '0' && empty.testcase.size() == 0

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 11, Failures: 3, Errors: 0, Skipped: 4')
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'test-ginkgo', ['go.mod', 'go.sum'])
return true
