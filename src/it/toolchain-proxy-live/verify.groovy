def log = new File(basedir, 'build.log').text
def sdk = new File(basedir, 'target/sdk').listFiles().find { it.directory && it.name.startsWith('go1.22.5.') }
assert sdk != null
assert log =~ /Go SDK downloaded as the module golang\.org\/toolchain@v0\.0\.1-go1\.22\.5\.[a-z0-9]+-[a-z0-9]+ from https:\/\/proxy\.golang\.org, module hash verified against sum\.golang\.org \(h1:[A-Za-z0-9+\/=]+ proven in its signed tree of size \d+\)/
assert new File(basedir, 'target/sdk/.sumdb/sum.golang.org/latest').text.startsWith('go.sum database tree\n')
// Installed as the go command installs it: go.mod files restored, tools executable, and it runs.
assert new File(sdk, 'src/go.mod').isFile()
assert !new File(sdk, 'src/_go.mod').exists()
def out = new ProcessBuilder(new File(sdk, 'bin/go').path, 'version').redirectErrorStream(true)
        .tap { environment().put('GOTOOLCHAIN', 'local') }.start().text
assert out.startsWith('go version go1.22.5 ')
return true
