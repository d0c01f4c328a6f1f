package controller

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// What envtest.Environment.Start needs: etcd and kube-apiserver (and kubectl) in KUBEBUILDER_ASSETS.
func TestEnvtestBinariesAreInKubebuilderAssets(t *testing.T) {
	assets := os.Getenv("KUBEBUILDER_ASSETS")
	if assets == "" {
		t.Fatal("KUBEBUILDER_ASSETS is not set")
	}
	for _, name := range []string{"etcd", "kube-apiserver", "kubectl"} {
		binary := filepath.Join(assets, name)
		info, err := os.Stat(binary)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode()&0o111 == 0 {
			t.Errorf("%s is not executable", binary)
		}
		out, err := exec.Command(binary, "--version").Output()
		if err != nil {
			t.Fatalf("%s: %v", binary, err)
		}
		if !strings.Contains(string(out), "fake "+name) {
			t.Errorf("%s printed %q", binary, out)
		}
	}
	t.Logf("KUBEBUILDER_ASSETS=%s", assets)
}
