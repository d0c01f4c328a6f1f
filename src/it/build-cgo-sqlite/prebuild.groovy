// A file: mirror of Zig 0.17.1 made from the PyPI package and signed by the real minisign, handed to the POM.
evaluate(new File(repositoryRoot, 'src/it/cross-tools.groovy'))
def zig = evaluate(new File(repositoryRoot, 'src/it/zig-mirror.groovy'))('0.17.1')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dzig.mirror=${zig.downloadRoot}\n-Dzig.publicKey=${zig.publicKey}\n"
// Installed by this build, not found from an earlier run: the install and its verification are what is tested. Zig's
// compiled C libraries (sdk/zig-cache) stay, as on a CI machine that keeps its cache.
new File(localRepositoryPath, '.cache/gomvn/sdk/zig').deleteDir()
return true
