// Package plain has ordinary go tests beside the Ginkgo suite.
package plain

// Greeting is what the test checks.
func Greeting() string { return "hello" }
