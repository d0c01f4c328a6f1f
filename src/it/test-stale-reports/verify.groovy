def reports = new File(basedir, 'target/surefire-reports')
assert reports.list().sort() == ['TEST-com.example.JavaTest.xml', 'TEST-example.com.stale.fine.xml']
def log = new File(basedir, 'build.log').text
assert log.contains('Removed 1 Go test report of an earlier run that this run did not write: TEST-example.com.stale.broken.xml')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
