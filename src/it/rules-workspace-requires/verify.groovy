// Nothing replaces the workspace module lib: the workspace provides it; see src/it/workspace-rules-verify.groovy.
evaluate(new File(repositoryRoot, 'src/it/workspace-rules-verify.groovy'))(basedir, 'rules-workspace-requires')
return true
