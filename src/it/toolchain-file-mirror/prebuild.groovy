// Start from an empty SDK cache (in the ITs' local repository) so the first run really provisions.
def cache = new File(localRepositoryPath, '.cache/gomvn/sdk')
cache.listFiles()?.findAll { it.name.startsWith(installedGoVersion + '.') }?.each { it.deleteDir() }
return true
