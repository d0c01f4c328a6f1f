package main

import (
	"bytes"
	"crypto/sha256"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// store is an in-memory HTTP store with the layout the program expects; it counts what it was asked.
type store struct {
	mu       sync.Mutex
	maxBody  int64 // like nginx's client_max_body_size: larger PUTs get 413
	files    map[string][]byte
	requests atomic.Int64
	puts     atomic.Int64
	login    string // "user:password" the store demands, if any
	delay    time.Duration
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	if s.delay > 0 {
		time.Sleep(s.delay)
	}
	if s.login != "" {
		user, password, ok := r.BasicAuth()
		if !ok || user+":"+password != s.login {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		body, ok := s.files[r.URL.Path]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Write(body)
	case http.MethodPut:
		if s.maxBody > 0 && r.ContentLength > s.maxBody {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		s.puts.Add(1)
		body, _ := io.ReadAll(r.Body)
		s.files[r.URL.Path] = body
		w.WriteHeader(http.StatusCreated)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func newStore(t *testing.T) (*store, string) {
	s := &store{files: map[string][]byte{}}
	server := httptest.NewServer(s)
	t.Cleanup(server.Close)
	return s, server.URL + "/cache"
}

func newTestCache(t *testing.T, url string) *cache {
	return newCache(settings{dir: t.TempDir(), url: url, timeout: 2 * time.Second, runDir: t.TempDir()})
}

func ids(content string) (actionID, outputID []byte) {
	a := sha256.Sum256([]byte("action of " + content))
	o := sha256.Sum256([]byte(content))
	return a[:], o[:]
}

func putContent(t *testing.T, c *cache, content string) (actionID []byte) {
	actionID, outputID := ids(content)
	res := c.put(request{ActionID: actionID, OutputID: outputID, BodySize: int64(len(content))}, strings.NewReader(content))
	if res.Err != "" {
		t.Fatalf("put: %s", res.Err)
	}
	c.uploads.pending.Wait()
	return actionID
}

func assertHit(t *testing.T, res response, content string) {
	t.Helper()
	if res.Miss || res.Err != "" {
		t.Fatalf("want a hit, got %+v", res)
	}
	onDisk, err := os.ReadFile(res.DiskPath)
	if err != nil || string(onDisk) != content {
		t.Fatalf("DiskPath %s holds %q (%v), want %q", res.DiskPath, onDisk, err, content)
	}
	_, outputID := ids(content)
	if !bytes.Equal(res.OutputID, outputID) || res.Size != int64(len(content)) {
		t.Fatalf("hit names output %x of %d bytes, want %x of %d", res.OutputID, res.Size, outputID, len(content))
	}
}

func hexOf(raw []byte) string {
	const digits = "0123456789abcdef"
	var text strings.Builder
	for _, b := range raw {
		text.WriteByte(digits[b>>4])
		text.WriteByte(digits[b&15])
	}
	return text.String()
}

func sha256Of(content string) []byte {
	sum := sha256.Sum256([]byte(content))
	return sum[:]
}

func keys(s *store) []string {
	var names []string
	for name := range s.files {
		names = append(names, name)
	}
	return names
}
