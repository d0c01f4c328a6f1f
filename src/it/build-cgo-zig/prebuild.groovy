// A file: mirror of Zig 0.17.1 made from the PyPI package and signed by the real minisign, handed to the POM.
evaluate(new File(repositoryRoot, 'src/it/cross-tools.groovy'))
def zig = evaluate(new File(repositoryRoot, 'src/it/zig-mirror.groovy'))('0.17.1')
new File(basedir, '.mvn').mkdirs()
// An SDK directory of its own (fresh in every clone, shared by both runs): Zig is installed and verified by this build,
// never found from an earlier one, and no other IT's Zig is touched.
def sdk = new File(basedir, 'sdk').absolutePath
new File(basedir, '.mvn/maven.config').text =
        "-Dzig.mirror=${zig.downloadRoot}\n-Dzig.publicKey=${zig.publicKey}\n-Dgo.sdkDirectory=${sdk}\n"
// The second run builds the same sources in another directory: a reproducible cgo build does not depend on where
// the checkout is.
def elsewhere = new File(basedir, 'elsewhere/other-checkout')
new File(elsewhere, '.mvn').mkdirs()
['go.mod', 'main.go', 'pom.xml', '.mvn/maven.config'].each { name -> new File(elsewhere, name).bytes = new File(basedir, name).bytes }
return true
