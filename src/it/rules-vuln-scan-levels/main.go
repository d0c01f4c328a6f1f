// Imports golang.org/x/text/language but only prints a predefined tag: the vulnerable Parse of
// GO-2021-0113 is linked into no call path of this program.
package main

import (
	"fmt"

	"golang.org/x/text/language"
)

func main() {
	fmt.Println(language.English)
}
