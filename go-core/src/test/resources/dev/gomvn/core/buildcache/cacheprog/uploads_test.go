package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// stuckStore answers GETs at once and holds every PUT until the test ends or the request is cancelled: the
// hostile store whose uploads back up.
type stuckStore struct {
	files   map[string][]byte
	release chan struct{}
	held    atomic.Int64
}

func (s *stuckStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPut {
		io.Copy(io.Discard, r.Body) // then the server sees the client hang up
		s.held.Add(1)
		defer s.held.Add(-1)
		select {
		case <-s.release:
		case <-r.Context().Done():
		}
		w.WriteHeader(http.StatusCreated)
		return
	}
	body, ok := s.files[r.URL.Path]
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Write(body)
}

func newStuckStore(t *testing.T) (*stuckStore, string) {
	s := &stuckStore{files: map[string][]byte{}, release: make(chan struct{})}
	server := httptest.NewServer(s)
	t.Cleanup(server.Close)
	t.Cleanup(func() { close(s.release) })
	return s, server.URL + "/cache"
}

// putWithoutWaiting is go's put: answered once the output is local, whatever its upload does.
func putWithoutWaiting(t *testing.T, c *cache, content string) {
	t.Helper()
	actionID, outputID := ids(content)
	res := c.put(request{ActionID: actionID, OutputID: outputID, BodySize: int64(len(content))}, strings.NewReader(content))
	if res.Err != "" || res.DiskPath == "" {
		t.Fatalf("put answered %+v", res)
	}
}

func waitUntil(t *testing.T, what string, condition func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !condition(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("still not %s after 5 s", what)
		}
	}
}

func TestReadsAreServedWhileUploadsAreStuckAndTheSlowStoreIsGivenUpWithItsUploadsCounted(t *testing.T) {
	s, url := newStuckStore(t)
	var stored [][]byte
	for i := 0; i < 20; i++ {
		content := "stored by another agent " + strconv.Itoa(i)
		actionID, outputID := ids(content)
		s.files["/cache/v1/a/"+hexOf(actionID)] = actionRecord(hexOf(outputID), int64(len(content)))
		s.files["/cache/v1/o/"+hexOf(outputID)] = []byte(content)
		stored = append(stored, actionID)
	}
	c := newCache(settings{dir: t.TempDir(), url: url, timeout: time.Second, runDir: t.TempDir()})
	for i := 0; i < 30; i++ {
		putWithoutWaiting(t, c, "built here "+strconv.Itoa(i))
	}
	waitUntil(t, "uploading", func() bool { return s.held.Load() == uploadWorkers })

	done := make(chan struct{})
	go func() {
		defer close(done)
		for i, actionID := range stored {
			assertHit(t, c.get(actionID), "stored by another agent "+strconv.Itoa(i))
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("go's reads waited behind the stuck uploads")
	}
	if s.held.Load() != uploadWorkers {
		t.Fatalf("%d uploads at once, want %d", s.held.Load(), uploadWorkers)
	}

	if err := c.finish(); err != nil {
		t.Fatal(err)
	}
	reason, _ := os.ReadFile(filepath.Join(c.runDir, storeFailedMarker))
	// The uploads in flight run out of their time, or the end of go's run sees them overdue: too slow either way.
	if !strings.HasPrefix(string(reason), slowPrefix) {
		t.Fatalf("the store's failure is %q, want it too slow", reason)
	}
	if c.dropped != 30 {
		t.Fatalf("%d uploads dropped, want all 30", c.dropped)
	}
	waitUntil(t, "cancelled", func() bool { return s.held.Load() == 0 })
	statistics, _ := filepath.Glob(filepath.Join(c.runDir, "stats-*.txt"))
	if text, _ := os.ReadFile(statistics[0]); !strings.Contains(string(text), "dropped 30\n") {
		t.Fatalf("statistics:\n%s", text)
	}
	if newCache(c.settings).storeUsable() {
		t.Fatal("another go process of the build still uses the slow store")
	}
}

func TestUploadsBeyondTheBoundAreDroppedNotQueued(t *testing.T) {
	s, url := newStuckStore(t)
	c := newCache(settings{dir: t.TempDir(), url: url, timeout: time.Minute, runDir: t.TempDir()})
	putWithoutWaiting(t, c, "first")
	waitUntil(t, "uploading", func() bool { return s.held.Load() == 1 })
	for i := 0; i < maxWaitingUploads+10; i++ {
		putWithoutWaiting(t, c, "output "+strconv.Itoa(i))
	}
	waitUntil(t, "uploading", func() bool { return s.held.Load() == uploadWorkers })
	c.mu.Lock()
	dropped := c.dropped
	c.mu.Unlock()
	// One upload in flight when the others came, three more taken by the other workers since.
	if dropped < 10-(uploadWorkers-1) || dropped > 10 {
		t.Fatalf("%d uploads dropped, want the ones beyond %d waiting", dropped, maxWaitingUploads)
	}
	if !c.storeUsable() {
		t.Fatal("a burst of outputs gave the store up")
	}
}
