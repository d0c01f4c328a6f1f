// go.work replaces the workspace module lib by ./lib; see src/it/workspace-rules-verify.groovy.
evaluate(new File(repositoryRoot, 'src/it/workspace-rules-verify.groovy'))(basedir, 'rules-workspace')
return true
