def log = new File(basedir, 'build.log').text
assert log.contains('Installing envtest binaries v1.31.0 for ')
assert log =~ /Installed envtest binaries v1\.31\.0\.[a-z0-9]+-[a-z0-9]+ into .*\.cache\/gomvn\/sdk\/envtest\/v1\.31\.0\./
assert log =~ /KUBEBUILDER_ASSETS=.*\/\.cache\/gomvn\/sdk\/envtest\/v1\.31\.0\.[a-z0-9]+-[a-z0-9]+/
assert log.contains('<environment> sets KUBEBUILDER_ASSETS; <envtest> is not used.')
def reports = new File(basedir, 'target/surefire-reports')
assert reports.list().sort() == ['TEST-example.com.operator.controller.xml', 'TEST-example.com.operator.explicit.xml']
['controller', 'explicit'].each {
    def suite = new groovy.xml.XmlSlurper().parse(new File(reports, "TEST-example.com.operator.${it}.xml"))
    assert suite.@tests == '1' && suite.@failures == '0' && suite.@errors == '0'
}
return true
