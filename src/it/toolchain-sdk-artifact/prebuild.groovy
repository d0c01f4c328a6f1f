// Deploy the installed Go, repackaged like go.dev's archive, into a file repository as
// com.example.go:go-sdk:<version>:tar.gz:<os>-<arch>, and start from an empty SDK cache.
def archive = new File(goMirror, 'good').listFiles().find { it.name.endsWith('.tar.gz') }
def classifier = (archive.name =~ /^go[^.]+(?:\.[^.]+)*?\.([a-z0-9]+-[a-z0-9]+)\.tar\.gz$/)[0][1]
def directory = new File(basedir, "sdk-repo/com/example/go/go-sdk/${installedGoNumber}")
directory.mkdirs()
java.nio.file.Files.copy(archive.toPath(), new File(directory, "go-sdk-${installedGoNumber}-${classifier}.tar.gz").toPath(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING)
new File(directory, "go-sdk-${installedGoNumber}.pom").text = """<project><modelVersion>4.0.0</modelVersion>
<groupId>com.example.go</groupId><artifactId>go-sdk</artifactId><version>${installedGoNumber}</version><packaging>pom</packaging></project>
"""
def cache = new File(localRepositoryPath, '.cache/gomvn/sdk')
cache.listFiles()?.findAll { it.name.startsWith(installedGoVersion + '.') }?.each { it.deleteDir() }
new File(localRepositoryPath, 'com/example/go').deleteDir()
return true
