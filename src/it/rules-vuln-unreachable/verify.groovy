def log = new File(basedir, 'build.log').text
def copy = new File(basedir, '../../local-repo/.cache/gomvn/vulndb/127.0.0.1_9_vulndb').toPath().toAbsolutePath().normalize()
assert log.contains('[ERROR] Rule 0: dev.gomvn.enforcer.RequireNoKnownVulnerabilities failed with message:\n'
        + '[ERROR] Cannot reach the vulnerability database that <database> (go.vulnDatabase) names: http://127.0.0.1:9/vulndb/index/db.json.gz: '
        + '127.0.0.1:9 refused the connection. The module cannot be checked for known vulnerabilities, so the build stops. '
        + 'Fix one of: point <database> at a mirror this machine reaches (-Dgo.vulnDatabase=https://vulndb.example.com, or the '
        + '<proxy> in settings.xml); point it at a file: copy in the v1 layout (-Dgo.vulnDatabase=file:///srv/vulndb); or build '
        + "offline (-o) with the copy an online build leaves in ${copy} (there is none yet).\n[ERROR] -> [Help 1]")
assert !log.contains('<downloadRoot>')
assert log.contains('BUILD FAILURE')
evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-vuln-unreachable', ['go.mod', 'go.sum'])
return true
