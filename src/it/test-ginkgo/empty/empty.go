// Package empty has a Ginkgo suite without specs yet.
package empty
