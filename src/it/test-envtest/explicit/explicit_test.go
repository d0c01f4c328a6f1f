package explicit

import (
	"os"
	"strings"
	"testing"
)

// An explicit <environment><KUBEBUILDER_ASSETS> wins over <envtest>.
func TestTheUsersKubebuilderAssetsWin(t *testing.T) {
	if assets := os.Getenv("KUBEBUILDER_ASSETS"); !strings.HasSuffix(assets, "/my-own-assets") {
		t.Fatalf("KUBEBUILDER_ASSETS=%q", assets)
	}
}
