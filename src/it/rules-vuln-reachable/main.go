// Parses a language tag given on the command line: golang.org/x/text/language.Parse before v0.3.7
// panics on some malformed tags (GO-2021-0113), and this program reaches it.
package main

import (
	"fmt"
	"os"

	"golang.org/x/text/language"
)

func main() {
	tag, err := language.Parse(os.Args[1])
	fmt.Println(tag, err)
}
