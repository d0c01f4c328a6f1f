// A file: mirror of Zig 0.17.1 made from the PyPI package and signed by the real minisign, handed to the POM.
evaluate(new File(repositoryRoot, 'src/it/cross-tools.groovy'))
def zig = evaluate(new File(repositoryRoot, 'src/it/zig-mirror.groovy'))('0.17.1')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dzig.mirror=${zig.downloadRoot}\n-Dzig.publicKey=${zig.publicKey}\n"
return true
