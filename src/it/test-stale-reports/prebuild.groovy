// A report of a Java test (maven-surefire-plugin in the same module) that go:test must leave alone.
def reports = new File(basedir, 'target/surefire-reports')
reports.mkdirs()
new File(reports, 'TEST-com.example.JavaTest.xml').text = '''<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.example.JavaTest" tests="1" failures="0"><properties><property name="java.version" value="17"/></properties><testcase name="works" classname="com.example.JavaTest"/></testsuite>
'''
return true
