// The rebuild is a copy of the project in another directory, resolving the release from this project's repository.
def rebuild = new File(basedir, 'target/rebuild')
rebuild.mkdirs()
['go.mod', 'main.go'].each { new File(rebuild, it).bytes = new File(basedir, it).bytes }
def repo = new File(basedir, 'target/remote-repo').toURI().toString()
new File(rebuild, 'pom.xml').text = new File(basedir, 'pom.xml').text
        .replace('file:${project.basedir}/target/remote-repo', repo)
return true
