['alpha', 'beta'].each { m ->
    assert new File(basedir, "${m}/target/go/bin/windows_amd64/${m}.exe").isFile()
    // windows/amd64 and the host: two binaries, each with its SBOM
    assert new File(basedir, "${m}/target/go/bin/SHA256SUMS").readLines().size() == 4
}
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// -T 2 really ran the reactor on two threads.
assert log.contains('[INFO] Using the MultiThreadedBuilder implementation with a thread count of 2')

def sdk = new File(basedir, 'target/sdk').toPath().toAbsolutePath().normalize()
// Both modules needed the SDK at once: exactly one build thread installed it ...
def installs = lines.findAll { it.startsWith('[INFO] Installed Go SDK ') }
assert installs.size() == 1 : "expected one install, got ${installs}"
assert installs[0].startsWith("[INFO] Installed Go SDK ${installedGoVersion}.") && installs[0].contains(" into ${sdk}/")
// ... while the other waited for it and used that install instead of downloading its own.
assert lines.count { it.startsWith('[INFO] Waiting for another build') } == 1
assert lines.count { it ==~ /\[INFO\] Go SDK \Q${installedGoVersion}\E\.\S+ was installed by another build while this one waited\./ } == 1
def toolchains = lines.findAll { it.startsWith("[INFO] Go ${installedGoNumber} ") }
assert toolchains.size() == 2 : "one toolchain line per module: ${toolchains}"
assert toolchains.count { it.contains(': Go SDK downloaded from file:') && it.contains(", installed into ${sdk}/") } == 1
assert toolchains.count { it.contains(": Go SDK installed into ${sdk}/") && it.contains(" by another build while this one waited") } == 1
assert new File(sdk.toFile(), '.tmp').list().length == 0
assert sdk.toFile().listFiles().count { it.directory && it.name.startsWith(installedGoVersion + '.') } == 1
// Each module then built with that Go.
assert log.count("[INFO] Building . for 2 targets with Go ${installedGoNumber}") == 2
return true
