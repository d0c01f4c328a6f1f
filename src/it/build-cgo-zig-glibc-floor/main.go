// Prints a random token from the kernel's getrandom(2), which glibc has wrapped only since 2.25: a binary that calls
// it does not start on a CentOS 7 node (glibc 2.17).
package main

/*
#include <sys/random.h>

static long token(void) {
	unsigned long value = 0;
	if (getrandom(&value, sizeof value, 0) != sizeof value) {
		return -1;
	}
	return (long)(value >> 1);
}
*/
import "C"

import "fmt"

func main() {
	fmt.Println("token", C.token())
}
