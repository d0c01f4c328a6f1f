def log = new File(basedir, 'build.log').text
assert log.contains("Go at ${installedGoRoot} (go.root)")
assert !new File(basedir, 'target/sdk').exists() : 'go.root must not download anything'
return true
