// First run provisions from the file: mirror, second run is a cache hit; the SDK runs and reports the version.
def log = new File(basedir, 'build.log').text
def version = installedGoVersion
def sdk = new File(localRepositoryPath, '.cache/gomvn/sdk').listFiles().find { it.directory && it.name.startsWith(version + '.') }?.canonicalFile
assert sdk != null : 'the SDK must be in the cache inside the local repository'

assert log.contains("Go SDK downloaded from file:")
assert log.contains("SHA-256 verified against the checksum file")
assert log.contains("Go SDK cached in ${sdk}")
assert new File(sdk, '.gomvn-verified').text.contains('sha256=')
def out = new ProcessBuilder(new File(sdk, 'bin/go').path, 'version').redirectErrorStream(true)
        .tap { environment().put('GOTOOLCHAIN', 'local') }.start().text
assert out.startsWith("go version ${version} ")
// The cache hit is cheap: the plugin reports its own time in brackets.
def hit = (log =~ /Go SDK cached in .*\[(\d+) ms\]/)
assert hit.find() && (hit.group(1) as int) < 1000

// Run by run: the first installed the SDK once, from the mirror; the second installed and downloaded nothing.
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
assert runs[0].count('[INFO] Installed Go SDK ') == 1
assert runs[0].contains("[INFO] Installed Go SDK ${sdk.name} into ${sdk} (")
assert runs[0].contains(": Go SDK downloaded from file:${goMirror}/good/")
assert runs[0].contains(", installed into ${sdk} (chosen by go.version)")
assert runs[1].contains("[INFO] Go ${installedGoNumber} ") && runs[1].contains(": Go SDK cached in ${sdk}, verified at install against the checksum file file:")
assert !runs[1].contains('Installed Go SDK') && !runs[1].contains('downloaded from')
return true
