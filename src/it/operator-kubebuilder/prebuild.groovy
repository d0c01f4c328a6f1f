evaluate(new File(repositoryRoot, 'src/it/envtest-mirror.groovy'))(basedir, '1.34.1')
return true
