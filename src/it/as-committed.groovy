// Shared by the ITs' verify.groovy: "nothing modified" means each named file of the cloned IT is
// byte for byte the file committed in src/it/<name>. Use:
//   evaluate(new File(repositoryRoot, 'src/it/as-committed.groovy'))(basedir, 'rules-mod-mod', ['go.mod', 'go.sum'])
return { File clone, String itName, List<String> names ->
    def original = new File(repositoryRoot, "src/it/${itName}")
    names.each { name ->
        def committed = new File(original, name)
        def after = new File(clone, name)
        assert committed.isFile()
        assert after.isFile() : "${name} was deleted"
        assert after.bytes == committed.bytes : "${name} was modified"
    }
}
