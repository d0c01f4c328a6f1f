// A command whose greeting comes from C: it builds only with a C compiler for its target, and runs only where the C
// library it was linked against is.
package main

/*
#include <stdio.h>
#include <stdlib.h>

static char *greeting(const char *platform) {
	char *text = malloc(80);
	snprintf(text, 80, "hello from C on %s", platform);
	return text;
}
*/
import "C"

import (
	"fmt"
	"runtime"
	"unsafe"
)

func main() {
	platform := C.CString(runtime.GOOS + "/" + runtime.GOARCH)
	defer C.free(unsafe.Pointer(platform))
	text := C.greeting(platform)
	defer C.free(unsafe.Pointer(text))
	fmt.Println(C.GoString(text))
}
