// Opens an in-memory SQLite database through github.com/mattn/go-sqlite3, which compiles SQLite's C amalgamation with
// cgo, and prints the version SQLite reports.
package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()
	var version string
	if err := db.QueryRow("select sqlite_version()").Scan(&version); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("sqlite", version)
}
