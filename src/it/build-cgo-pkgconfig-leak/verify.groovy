def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('PKG_CONFIG_PATH=/usr/lib/x86_64-linux-gnu/pkgconfig names /usr/lib/x86_64-linux-gnu/pkgconfig,'
        + ' a pkg-config directory of this machine (linux/amd64), but linux/arm64 is a cross build')
assert log.contains('Set PKG_CONFIG_LIBDIR to the target\'s directories (e.g. /usr/lib/aarch64-linux-gnu/pkgconfig')
// Refused before anything compiled: no binary.
assert !new File(basedir, 'target/go/bin/linux_arm64/cgo-hello').exists()
return true
