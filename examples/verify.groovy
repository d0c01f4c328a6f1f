// Run by src/it/pom.xml (execution "examples"): the README's first command must keep working.
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
['hello-operator': 'manager', 'hello-cli': 'hello-cli'].each { module, binary ->
    def bin = new File(basedir, "${module}/target/go/bin")
    ['linux_amd64', 'linux_arm64', 'darwin_arm64'].each { assert new File(bin, "${it}/${binary}").isFile() }
    assert new File(bin, "windows_amd64/${binary}.exe").isFile()
    def sums = new File(bin, 'SHA256SUMS').readLines()
    assert sums.size() == 4
    sums.each { line ->
        def (sha, name) = line.split('  ')
        assert sha == MessageDigest.getInstance('SHA-256').digest(new File(bin, name).bytes).encodeHex().toString()
    }
}
assert log.contains('Rule 2: dev.gomvn.enforcer.RequireGoSumVerified passed')
assert new File(basedir, 'java-client/target/java-client-1.0.0-SNAPSHOT.jar').isFile()
assert !new File(basedir, 'java-client/target/go').exists() : 'the Java module is left alone'
assert new File(basedir, 'hello-operator/target/surefire-reports/TEST-example.com.hello-operator.internal.reconcile.xml').isFile()
return true
