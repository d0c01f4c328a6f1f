// Package setup needs a database that its suite's BeforeSuite cannot reach.
package setup

// Connect reaches the database, which this environment has not.
func Connect() error { return errNoDatabase }

type noDatabase struct{}

func (noDatabase) Error() string { return "no database at 127.0.0.1:9" }

var errNoDatabase error = noDatabase{}
