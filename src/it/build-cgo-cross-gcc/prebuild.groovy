// Debian's aarch64 cross gcc and qemu-user-static, installed when missing.
evaluate(new File(repositoryRoot, 'src/it/cross-tools.groovy'))
return true
