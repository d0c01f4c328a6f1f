package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// pattern is size bytes of content that costs no memory to make, again and again.
type pattern struct{ left, at int64 }

func (p *pattern) Read(b []byte) (int, error) {
	if p.left == 0 {
		return 0, io.EOF
	}
	n := int64(len(b))
	if n > p.left {
		n = p.left
	}
	for i := int64(0); i < n; i++ {
		b[i] = byte((p.at + i) % 251)
	}
	p.at += n
	p.left -= n
	return int(n), nil
}

// largeStore hashes what is PUT without keeping it, and answers the large object's GET with the pattern.
type largeStore struct {
	size    int64
	mu      sync.Mutex
	records map[string][]byte
	hashed  map[string]string
}

func (s *largeStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.Method == http.MethodPut:
		hash := sha256.New()
		io.Copy(hash, r.Body)
		s.hashed[r.URL.Path] = hex.EncodeToString(hash.Sum(nil))
	case s.records[r.URL.Path] != nil:
		w.Write(s.records[r.URL.Path])
	case strings.Contains(r.URL.Path, "/v1/o/") && s.hashed[r.URL.Path] != "":
		io.Copy(w, &pattern{left: s.size})
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func TestALargeObjectGoesThroughFilesNotMemory(t *testing.T) {
	const size = 64 << 20
	hash := sha256.New()
	io.Copy(hash, &pattern{left: size})
	outputID := hash.Sum(nil)
	actionID := sha256Of("action of the large object")
	s := &largeStore{size: size, records: map[string][]byte{}, hashed: map[string]string{}}
	server := httptest.NewServer(s)
	t.Cleanup(server.Close)
	url := server.URL + "/cache"

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c := newTestCache(t, url)
	putOverTheProtocol(t, c, actionID, outputID, size)
	fresh := newTestCache(t, url)
	s.mu.Lock()
	s.records["/cache/v1/a/"+hexOf(actionID)] = actionRecord(hexOf(outputID), size)
	s.mu.Unlock()
	res := fresh.get(actionID)
	runtime.ReadMemStats(&after)

	if s.hashed["/cache/v1/o/"+hexOf(outputID)] != hexOf(outputID) {
		t.Fatalf("the store received %q, want the object", s.hashed)
	}
	if res.Miss || res.Size != size || fileHash(t, res.DiskPath) != hexOf(outputID) {
		t.Fatalf("the fresh agent's get answered %+v", res)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 16<<20 {
		t.Fatalf("a put, an upload and a download of %d MiB allocated %d MiB", size>>20, allocated>>20)
	}
}

// putOverTheProtocol puts an object of the pattern as go does, the body streamed as base64 on stdin.
func putOverTheProtocol(t *testing.T, c *cache, actionID, outputID []byte, size int64) {
	toProgram, fromGo := io.Pipe()
	fromProgram, toGo := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- c.serve(toProgram, toGo); toGo.Close() }()
	responses := json.NewDecoder(bufio.NewReader(fromProgram))
	var hello, stored, closed response
	responses.Decode(&hello)
	go func() {
		line, _ := json.Marshal(request{ID: 1, Command: "put", ActionID: actionID, OutputID: outputID, BodySize: size})
		out := bufio.NewWriter(fromGo)
		out.Write(append(line, '\n', '"'))
		encoder := base64.NewEncoder(base64.StdEncoding, out)
		io.Copy(encoder, &pattern{left: size})
		encoder.Close()
		out.WriteString("\"\n")
		line, _ = json.Marshal(request{ID: 2, Command: "close"})
		out.Write(append(line, '\n'))
		out.Flush()
	}()
	if err := responses.Decode(&stored); err != nil || stored.Err != "" || stored.DiskPath == "" {
		t.Fatalf("put answered %+v (%v)", stored, err)
	}
	if err := responses.Decode(&closed); err != nil || closed.ID != 2 || closed.Err != "" {
		t.Fatalf("close answered %+v (%v)", closed, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func fileHash(t *testing.T, name string) string {
	file, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	hash := sha256.New()
	io.Copy(hash, file)
	return hex.EncodeToString(hash.Sum(nil))
}
