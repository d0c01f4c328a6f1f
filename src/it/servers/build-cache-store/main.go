// Command build-cache-store is the shared build cache store the tests use where nginx is not installed: it
// serves the README's nginx block (WebDAV PUT with create_full_put_path, writers log in with Basic auth from
// an htpasswd file of {PLAIN} lines, readers do not) and writes an access log in nginx's format, so the
// same tests and assertions run against either server. Standard library only: it builds in a second.
package main

import (
	"bufio"
	"crypto/subtle"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:8080", "address to listen on")
	root := flag.String("root", "", "directory that holds the location's directory, as nginx's root")
	location := flag.String("location", "/go-build-cache/", "the only path prefix served")
	htpasswd := flag.String("htpasswd", "", "file of user:{PLAIN}password lines; writers must log in")
	accessLog := flag.String("access-log", "", "access log in nginx's combined format")
	pidFile := flag.String("pid", "", "file to write the process id to")
	flag.Parse()
	if *root == "" || *htpasswd == "" || *accessLog == "" {
		log.Fatal("-root, -htpasswd and -access-log are required")
	}
	users, err := readPasswords(*htpasswd)
	if err != nil {
		log.Fatal(err)
	}
	access, err := os.OpenFile(*accessLog, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		log.Fatal(err)
	}
	if *pidFile != "" {
		if err := os.WriteFile(*pidFile, []byte(fmt.Sprintln(os.Getpid())), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	s := &store{root: *root, location: *location, users: users, access: access}
	log.Fatal(http.Serve(listener, s))
}

type store struct {
	root     string
	location string
	users    map[string]string
	mu       sync.Mutex
	access   io.Writer
}

type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (s *store) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	rec := &recorder{ResponseWriter: w}
	user := s.handle(rec, req)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	host, _, _ := net.SplitHostPort(req.RemoteAddr)
	if user == "" {
		user = "-"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.access, "%s - %s [%s] \"%s %s %s\" %d %d \"-\" %q\n", host, user,
		time.Now().Format("02/Jan/2006:15:04:05 -0700"), req.Method, req.RequestURI, req.Proto, rec.status,
		rec.bytes, req.UserAgent())
}

// handle answers as nginx does for the README's block and returns the user who logged in, if any.
func (s *store) handle(w http.ResponseWriter, req *http.Request) string {
	clean := path.Clean(req.URL.Path)
	if strings.HasSuffix(req.URL.Path, "/") {
		clean += "/"
	}
	if !strings.HasPrefix(clean, s.location) {
		http.NotFound(w, req)
		return ""
	}
	file := filepath.Join(s.root, filepath.FromSlash(clean))
	switch req.Method {
	case http.MethodGet, http.MethodHead:
		serveFile(w, req, file)
		return ""
	}
	user, password, ok := req.BasicAuth()
	if !ok || !s.loginMatches(user, password) {
		w.Header().Set("WWW-Authenticate", `Basic realm="go build cache"`)
		http.Error(w, "401 Authorization Required", http.StatusUnauthorized)
		return ""
	}
	if req.Method != http.MethodPut {
		http.Error(w, "405 Not Allowed", http.StatusMethodNotAllowed)
		return user
	}
	if strings.HasSuffix(clean, "/") {
		http.Error(w, "409 Conflict", http.StatusConflict)
		return user
	}
	_, statErr := os.Stat(file)
	if err := writeFile(file, req.Body); err != nil {
		log.Printf("PUT %s: %v", clean, err)
		http.Error(w, "500 Internal Server Error", http.StatusInternalServerError)
		return user
	}
	if statErr == nil {
		w.WriteHeader(http.StatusNoContent)
	} else {
		w.WriteHeader(http.StatusCreated)
	}
	return user
}

func (s *store) loginMatches(user, password string) bool {
	want, ok := s.users[user]
	return ok && subtle.ConstantTimeCompare([]byte(want), []byte(password)) == 1
}

func serveFile(w http.ResponseWriter, req *http.Request, file string) {
	f, err := os.Open(file)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		http.Error(w, "403 Forbidden", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	http.ServeContent(w, req, "", info.ModTime(), f)
}

// writeFile creates the missing directories (create_full_put_path on) and replaces the file at once.
func writeFile(file string, body io.Reader) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	temp, err := os.CreateTemp(dir, ".put-*")
	if err != nil {
		return err
	}
	defer os.Remove(temp.Name())
	if _, err := io.Copy(temp, body); err != nil {
		temp.Close()
		return err
	}
	if err := temp.Chmod(0o644); err != nil {
		temp.Close()
		return err
	}
	if err := temp.Close(); err != nil {
		return err
	}
	return os.Rename(temp.Name(), file)
}

func readPasswords(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	users := map[string]string{}
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		line := strings.TrimSpace(lines.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		user, password, ok := strings.Cut(line, ":")
		if !ok || !strings.HasPrefix(password, "{PLAIN}") {
			return nil, fmt.Errorf("%s: only user:{PLAIN}password lines are understood, not %q", file, line)
		}
		users[user] = strings.TrimPrefix(password, "{PLAIN}")
	}
	return users, lines.Err()
}
