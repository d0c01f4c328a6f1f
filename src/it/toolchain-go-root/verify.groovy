def log = new File(basedir, 'build.log').text
assert log.contains("Go at ${installedGoRoot} (go.root)")
assert !new File(basedir, 'target/sdk').exists() : 'go.root must not download anything'
assert !log.contains('Installed Go SDK') && !log.contains('downloaded from') && !log.contains('Go SDK cached in')
assert log.contains("[INFO] Go ${installedGoNumber} ") : 'the toolchain line names the installed version'
return true
