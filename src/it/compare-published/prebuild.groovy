// The rebuild is a copy of the project in another directory, resolving the release from this project's repository,
// built in another user-visible environment: time zone, locale and temporary directory differ from the release's.
def rebuild = new File(basedir, 'target/rebuild')
rebuild.mkdirs()
['go.mod', 'main.go'].each { new File(rebuild, it).bytes = new File(basedir, it).bytes }
def repo = new File(basedir, 'target/remote-repo').toURI().toString()
new File(rebuild, 'target/tmp').mkdirs()
new File(rebuild, 'pom.xml').text = new File(basedir, 'pom.xml').text
        .replace('file:${project.basedir}/target/remote-repo', repo)
        .replace('<GOCACHE>${project.build.directory}/go-cache</GOCACHE>', '''<GOCACHE>${project.build.directory}/go-cache</GOCACHE>
            <TZ>Pacific/Chatham</TZ>
            <LANG>de_DE.UTF-8</LANG>
            <TMPDIR>${project.build.directory}/tmp</TMPDIR>''')
return true
