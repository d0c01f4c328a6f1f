// Command hello-cli greets whoever it is asked to.
package main

import (
	"fmt"
	"os"
	"strings"
)

func greeting(args []string) string {
	if len(args) == 0 {
		return "hello, world"
	}
	return "hello, " + strings.Join(args, " and ")
}

func main() { fmt.Println(greeting(os.Args[1:])) }
