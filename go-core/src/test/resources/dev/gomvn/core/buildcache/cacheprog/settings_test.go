package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTheStoreFileIsReadAndDeletedAsTheProgramStarts(t *testing.T) {
	t.Setenv("GOMVN_CACHE_DIR", t.TempDir())
	file := filepath.Join(t.TempDir(), "store.json")
	os.WriteFile(file, []byte(`{"url":"https://cache.example.com/go/","username":"ci","password":"cache-s3cret"}`), 0o600)
	t.Setenv(storeFileVariable, file)
	s, err := settingsFromEnvironment()
	if err != nil {
		t.Fatal(err)
	}
	if s.url != "https://cache.example.com/go" || s.username != "ci" || s.password != "cache-s3cret" {
		t.Fatalf("settings %+v, want the file's store and login", s)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatalf("the store file is still there after start-up (%v): a test go runs next could read it", err)
	}
	// A go run by a test inherits the variable, not the file: it uses the local directory only.
	again, err := settingsFromEnvironment()
	if err != nil || again.url != "" || again.password != "" {
		t.Fatalf("without the file: %+v (%v), want no store", again, err)
	}
}

func TestAPrefetchKeyThatIsNotHexIsRefused(t *testing.T) {
	t.Setenv("GOMVN_CACHE_DIR", t.TempDir())
	t.Setenv("GOMVN_CACHE_PREFETCH_KEY", "../../etc")
	if _, err := settingsFromEnvironment(); err == nil || !strings.Contains(err.Error(), "GOMVN_CACHE_PREFETCH_KEY") {
		t.Fatalf("want an error naming GOMVN_CACHE_PREFETCH_KEY, got %v", err)
	}
}
