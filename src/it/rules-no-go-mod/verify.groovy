def log = new File(basedir, 'build.log').text
assert log.contains('has .go files but no go.mod')
assert log.contains("run 'go mod init it.gomvn.dev/rules-no-go-mod'")
assert new File(basedir, 'go.sum').exists() ? new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.orig').text : true
return true
