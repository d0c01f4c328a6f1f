// The README's XML snippets cannot rot: each must appear, as written, in a POM that an IT builds.
def root = new File(repositoryRoot).canonicalFile
def readme = new File(root, 'README.md').text
def normalize = { String xml -> xml.replaceAll(/\s+/, ' ').replace('@project.version@', '0.1.0-SNAPSHOT').trim() }
def poms = [new File(basedir, 'pom.xml'), new File(root, 'examples/company-parent/pom.xml'), new File(root, 'examples/hello-cli/pom.xml'),
            new File(root, 'src/it/pipeline-published/pom.xml'),
            new File(root, 'src/it/build-cgo-sqlite/pom.xml'),
            new File(root, 'src/it/compare-published/pom.xml'),
            new File(root, 'src/it/operator-kubebuilder/pom.xml'),
            new File(root, 'src/it/image-hello-operator/pom.xml'),
            new File(root, 'src/it/build-cache-extension/.mvn/extensions.xml'),
            new File(root, 'src/it/build-cache-extension/.mvn/maven-build-cache-config.xml')]
def built = poms.collect { normalize(it.text) }.join(' ')
def blocks = (readme =~ /(?s)```xml\n(.*?)```/).collect { it[1] }
assert blocks.size() >= 8
blocks.each { block ->
    assert built.contains(normalize(block)) : "README snippet not found in a built POM:\n${block}"
}
def log = new File(basedir, 'build.log').text
assert log.contains('Rule 4: dev.gomvn.enforcer.RequireConsistentModuleVersions passed')
// The enforcer says "passed" for a rule that skipped too; each rule's own line says it checked, with the README's settings.
def dir = basedir.toPath().toAbsolutePath().normalize()
assert log.contains("[INFO] requireGoVersion passed for ${dir}: Go ${installedGoNumber} is in [1.22,) and is not older than go.mod's 'go 1.22'")
assert log =~ /(?m)^\[INFO\] requireModules passed for \Q${dir}\E: module .* in module mode .*, no replace outside the repository$/
assert log =~ /(?m)^\[INFO\] requireGoSumVerified passed for \Q${dir}\E: every module of the build matches go\.sum, downloaded and checked; go mod tidy -diff is empty; go\.mod and go\.sum unchanged$/
assert log.contains("[INFO] forbidGosumdbOff passed for ${dir}: checksum database sum.golang.org is on")
assert log.contains("[INFO] requireConsistentModuleVersions compared nothing in ${dir}: no module of group [@kubernetes] is linked; nothing to compare; "
        + "no module of group [go.opentelemetry.io/otel,go.opentelemetry.io/otel/trace,go.opentelemetry.io/otel/metric] is linked; nothing to compare\n")
// The hand-written group may hold a typo and is warned about; @kubernetes in a project without Kubernetes is no mistake.
assert log.count('[WARNING] requireConsistentModuleVersions in ') == 1
assert log.contains("[WARNING] requireConsistentModuleVersions in ${dir}: The group [go.opentelemetry.io/otel,go.opentelemetry.io/otel/trace,go.opentelemetry.io/otel/metric] matches no module linked")
assert new File(basedir, 'target/go/bin/windows_amd64/readme-snippets.exe').isFile()
return true
