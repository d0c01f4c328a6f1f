// The README's XML snippets cannot rot: each must appear, as written, in a POM that an IT builds.
def root = new File(repositoryRoot).canonicalFile
def readme = new File(root, 'README.md').text
def normalize = { String xml -> xml.replaceAll(/\s+/, ' ').replace('@project.version@', '0.1.0-SNAPSHOT').trim() }
def poms = [new File(basedir, 'pom.xml'), new File(root, 'examples/company-parent/pom.xml'), new File(root, 'examples/hello-cli/pom.xml')]
def built = poms.collect { normalize(it.text) }.join(' ')
def blocks = (readme =~ /(?s)```xml\n(.*?)```/).collect { it[1] }
assert blocks.size() >= 8
blocks.each { block ->
    assert built.contains(normalize(block)) : "README snippet not found in a built POM:\n${block}"
}
def log = new File(basedir, 'build.log').text
assert log.contains('Rule 4: dev.gomvn.enforcer.RequireConsistentModuleVersions passed')
assert new File(basedir, 'target/go/bin/windows_amd64/readme-snippets.exe').isFile()
return true
