package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestAnUnreachableStoreIsGivenUpAfterTheFirstFailure(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + listener.Addr().String() + "/cache"
	listener.Close()
	c := newTestCache(t, url)
	a1, _ := ids("one")
	a2, _ := ids("two")
	if !c.get(a1).Miss || !c.get(a2).Miss {
		t.Fatal("want misses")
	}
	reason, err := os.ReadFile(filepath.Join(c.runDir, storeFailedMarker))
	if err != nil || len(reason) == 0 {
		t.Fatalf("no reason recorded: %v", err)
	}
	// Another go process of the same build does not try again.
	other := newCache(c.settings)
	if other.storeUsable() {
		t.Fatal("another process still uses the failed store")
	}
}

func TestASlowStoreStallsTheBuildOnlyOnce(t *testing.T) {
	s, url := newStore(t)
	s.delay = time.Second
	c := newCache(settings{dir: t.TempDir(), url: url, timeout: 100 * time.Millisecond, runDir: t.TempDir()})
	started := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, _ := ids(string(rune('a' + i)))
			if !c.get(a).Miss {
				t.Error("want a miss")
			}
		}()
	}
	wg.Wait()
	if elapsed := time.Since(started); elapsed > 800*time.Millisecond {
		t.Fatalf("20 gets against a stalled store took %v", elapsed)
	}
	if c.storeUsable() {
		t.Fatal("the stalled store is still used")
	}
}

func TestFailingAnswersGiveTheStoreUp(t *testing.T) {
	s, url := newStore(t)
	s.login = "ci:s3cret"
	c := newTestCache(t, url)
	a, _ := ids("x")
	if !c.get(a).Miss {
		t.Fatal("want a miss")
	}
	reason, _ := os.ReadFile(filepath.Join(c.runDir, storeFailedMarker))
	if !strings.Contains(string(reason), "401") {
		t.Fatalf("reason %q, want the 401", reason)
	}
}

func TestCredentialsAreSentAsBasicAuth(t *testing.T) {
	s, url := newStore(t)
	s.login = "ci:s3cret"
	c := newTestCache(t, url)
	c.username, c.password = "ci", "s3cret"
	actionID := putContent(t, c, "with login")
	fresh := newTestCache(t, url)
	fresh.username, fresh.password = "ci", "s3cret"
	assertHit(t, fresh.get(actionID), "with login")
}

func TestARedirectToPlainHTTPIsRefusedAndTheLoginGoesToNoOtherOrigin(t *testing.T) {
	// Whatever reaches this plain-http server came through a redirect: it must never see the login.
	var leaked, followed atomic.Int64
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		w.WriteHeader(http.StatusNotFound)
	}))
	t.Cleanup(plain.Close)
	other := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		followed.Add(1)
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		w.WriteHeader(http.StatusNotFound)
	}))
	t.Cleanup(other.Close)
	var target string
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, http.StatusFound)
	}))
	t.Cleanup(secure.Close)
	// The https store redirects to another origin over https: followed, without the login.
	target = other.URL
	c := newTestCache(t, secure.URL+"/cache")
	c.client.Transport = secure.Client().Transport
	c.client.Transport.(*http.Transport).TLSClientConfig.RootCAs.AddCert(other.Certificate())
	c.username, c.password = "ci", "s3cret"
	actionID, _ := ids("redirected")
	if res := c.get(actionID); !res.Miss || followed.Load() == 0 {
		t.Fatalf("want a miss from the other origin, got %+v after %d requests there", res, followed.Load())
	}
	// Then to plain http on the same host: refused, nothing sent there.
	target = plain.URL
	c2 := newTestCache(t, secure.URL+"/cache")
	c2.client.Transport = secure.Client().Transport
	c2.username, c2.password = "ci", "s3cret"
	if res := c2.get(actionID); !res.Miss {
		t.Fatalf("want a miss, got %+v", res)
	}
	if leaked.Load() != 0 {
		t.Fatalf("the login reached another origin %d times", leaked.Load())
	}
	failure, err := os.ReadFile(filepath.Join(c2.runDir, storeFailedMarker))
	if err != nil || !strings.Contains(string(failure), "which is not https; refused") {
		t.Fatalf("want the refused redirect recorded as the store's failure, got %q (%v)", failure, err)
	}
}
