// The rules' runtime classpath stays small: issue "one platform" measured 37 jars and 34.7 MB here.
def jars = new File(basedir, 'classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it) }
def totalBytes = jars.sum { it.length() }
def listing = jars.collect { "${it.name} (${it.length().intdiv(1024)} KiB)" }.join('\n  ')
println "go-enforcer-rules brings ${jars.size()} jars, ${totalBytes.intdiv(1024)} KiB:\n  ${listing}"

assert jars.any { it.name.startsWith('go-enforcer-rules-') }
assert jars.size() <= 10: "at most 10 jars on the enforcer's classpath, not ${jars.size()}:\n  ${listing}"
assert totalBytes <= 4 * 1024 * 1024: "at most 4 MiB on the enforcer's classpath, not ${totalBytes}:\n  ${listing}"
def forbidden = ~/(?i)^(oras|bcprov|bcpkix|bcutil|zstd|cyclonedx|jackson|micrometer|caffeine|woodstox|json-schema|go-image|go-sbom).*/
def heavy = jars.findAll { it.name ==~ forbidden }
assert heavy.isEmpty(): "the image and SBOM stack must stay off the rules' classpath: ${heavy*.name}"
return true
