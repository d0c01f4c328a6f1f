evaluate(new File(repositoryRoot, 'src/it/envtest-mirror.groovy'))(basedir, '1.31.0')
return true
