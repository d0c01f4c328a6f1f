package empty_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// A suite with no spec still runs, and its report says so.
func TestEmpty(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Empty Suite")
}
