package setup_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"example.com/suite/setup"
)

func TestSetup(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Setup Suite")
}

// A failed BeforeSuite keeps every spec from running; the report must still count and name them.
var _ = BeforeSuite(func() {
	Expect(setup.Connect()).To(Succeed(), "the database must be reachable")
})

var _ = Describe("Orders", func() {
	It("stores an order", func() {})
	It("lists orders", func() {})
})
