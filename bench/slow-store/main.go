// Command slowstore is the hostile store of bench/slow-store, and its driver for the cache program's memory.
//
//	slowstore serve -listen 127.0.0.1:8080 -put-delay 3s   a store that answers GETs at once and each PUT late
//	slowstore rss -program <cacheprog> -store <url> -size 1073741824
//	                                                        put then get an object of size bytes through the
//	                                                        cache program run under GNU time; prints max RSS
//
// The store keeps action records and lists, and of objects only their SHA-256 and size: a large object it
// received is served back as the same generated content, so neither side holds it.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: slowstore serve|rss [flags]")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "serve":
		serve(os.Args[2:])
	case "rss":
		rss(os.Args[2:])
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(2)
	}
}

type store struct {
	putDelay time.Duration
	mu       sync.Mutex
	small    map[string][]byte
	objects  map[string]int64 // path of a generated object: its size
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPut {
		s.put(w, r)
		return
	}
	s.mu.Lock()
	body, small := s.small[r.URL.Path]
	size, generated := s.objects[r.URL.Path]
	s.mu.Unlock()
	switch {
	case small:
		w.Write(body)
	case generated:
		w.Header().Set("Content-Length", fmt.Sprint(size))
		io.Copy(w, &pattern{left: size})
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

// put reads the body at once (a store that is slow to confirm, not to receive), then answers putDelay later.
func (s *store) put(w http.ResponseWriter, r *http.Request) {
	var kept strings.Builder
	hash := sha256.New()
	n, _ := io.Copy(io.MultiWriter(hash, &limited{&kept, 1 << 20}), r.Body)
	time.Sleep(s.putDelay)
	s.mu.Lock()
	if strings.Contains(r.URL.Path, "/v1/o/") && n > 1<<20 && isPattern(hash.Sum(nil), n) {
		s.objects[r.URL.Path] = n
	} else if n <= 1<<20 {
		s.small[r.URL.Path] = []byte(kept.String())
	}
	s.mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

type limited struct {
	out  *strings.Builder
	left int
}

func (l *limited) Write(p []byte) (int, error) {
	if len(p) <= l.left {
		l.out.Write(p)
		l.left -= len(p)
	} else {
		l.left = -1
	}
	return len(p), nil
}

func isPattern(sum []byte, size int64) bool {
	hash := sha256.New()
	io.Copy(hash, &pattern{left: size})
	return hex.EncodeToString(hash.Sum(nil)) == hex.EncodeToString(sum)
}

func serve(args []string) {
	flags := flag.NewFlagSet("serve", flag.ExitOnError)
	listen := flags.String("listen", "127.0.0.1:8080", "address")
	delay := flags.Duration("put-delay", 3*time.Second, "how late each PUT is answered")
	flags.Parse(args)
	s := &store{putDelay: *delay, small: map[string][]byte{}, objects: map[string]int64{}}
	fmt.Fprintln(os.Stderr, http.ListenAndServe(*listen, s))
	os.Exit(1)
}

// pattern is size bytes of generated content.
type pattern struct{ left, at int64 }

func (p *pattern) Read(b []byte) (int, error) {
	if p.left == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(b)), p.left)
	for i := int64(0); i < n; i++ {
		b[i] = byte((p.at + i) % 251)
	}
	p.at += n
	p.left -= n
	return int(n), nil
}
