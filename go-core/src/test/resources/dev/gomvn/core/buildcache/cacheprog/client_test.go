package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain lets a test run this test binary as the cache program itself: go's http.ProxyFromEnvironment reads
// the proxy variables once per process, as the program does at start.
func TestMain(m *testing.M) {
	if os.Getenv("GOMVN_CACHEPROG_TEST_AS_PROGRAM") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// proxy records the requests it is asked to forward and answers each as the store would for a miss.
type proxy struct {
	mu   sync.Mutex
	seen []string
	// proxyAuthorizations: the Proxy-Authorization header of each request, "" for none.
	proxyAuthorizations []string
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	user, password, _ := r.BasicAuth()
	p.seen = append(p.seen, r.Method+" "+r.URL.String()+" as "+user+":"+password)
	p.proxyAuthorizations = append(p.proxyAuthorizations, r.Header.Get("Proxy-Authorization"))
	w.WriteHeader(http.StatusNotFound)
}

// getAsGo runs the program as go does, with extra variables, for one get and a close.
func getAsGo(t *testing.T, storeFile string, variables ...string) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "GOMVN_CACHEPROG_TEST_AS_PROGRAM=1", "GOMVN_CACHE_DIR="+t.TempDir(),
		"GOMVN_CACHE_RUN_DIR="+filepath.Dir(storeFile), "GOMVN_CACHE_TIMEOUT=5", storeFileVariable+"="+storeFile)
	cmd.Env = append(cmd.Env, variables...)
	toProgram, _ := cmd.StdinPipe()
	fromProgram, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	responses := json.NewDecoder(bufio.NewReader(fromProgram))
	var hello, got, closed response
	if err := responses.Decode(&hello); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(storeFile); !os.IsNotExist(err) {
		t.Fatalf("the store file is still there after the program's first answer (%v)", err)
	}
	actionID, _ := ids("through the proxy")
	for _, req := range []request{{ID: 1, Command: "get", ActionID: actionID}, {ID: 2, Command: "close"}} {
		line, _ := json.Marshal(req)
		toProgram.Write(append(line, '\n'))
	}
	responses.Decode(&got)
	responses.Decode(&closed)
	toProgram.Close()
	io.Copy(io.Discard, fromProgram)
	if err := cmd.Wait(); err != nil || !got.Miss {
		t.Fatalf("the program answered %+v and ended with %v", got, err)
	}
}

func writeStoreFile(t *testing.T, url string) string {
	name := filepath.Join(t.TempDir(), "store.json")
	os.WriteFile(name, []byte(`{"url":"`+url+`","username":"ci","password":"s3cret"}`), 0o600)
	return name
}

func TestTheStoreIsReachedThroughTheProxiesOfGosEnvironment(t *testing.T) {
	p := &proxy{}
	server := httptest.NewServer(p)
	t.Cleanup(server.Close)
	none := []string{"HTTPS_PROXY=", "https_proxy=", "http_proxy=", "no_proxy="}

	getAsGo(t, writeStoreFile(t, "http://cache.invalid/go"), append(none, "HTTP_PROXY="+server.URL, "NO_PROXY=")...)
	actionID, _ := ids("through the proxy")
	want := "GET http://cache.invalid/go/v1/a/" + hexOf(actionID) + " as ci:s3cret"
	if len(p.seen) != 1 || p.seen[0] != want {
		t.Fatalf("the proxy was asked %q, want %q", p.seen, want)
	}

	// NO_PROXY names the store: the program goes there directly (and finds no such host).
	storeFile := writeStoreFile(t, "http://cache.invalid/go")
	getAsGo(t, storeFile, append(none, "HTTP_PROXY="+server.URL, "NO_PROXY=.invalid")...)
	if len(p.seen) != 1 {
		t.Fatalf("the proxy was asked %q despite NO_PROXY", p.seen)
	}
	reason, _ := os.ReadFile(filepath.Join(filepath.Dir(storeFile), storeFailedMarker))
	if !strings.Contains(string(reason), "cache.invalid") {
		t.Fatalf("the store's failure is %q, want the direct connection's", reason)
	}
}

// gomvn leaves the settings.xml proxy login out of go's environment (tests and compilers read it) and puts it in
// the store file: the program sends it to that proxy, and to no other.
func TestTheProxyLoginComesFromTheStoreFileNotTheEnvironment(t *testing.T) {
	p := &proxy{}
	server := httptest.NewServer(p)
	t.Cleanup(server.Close)
	hostPort := strings.TrimPrefix(server.URL, "http://")
	none := []string{"HTTPS_PROXY=", "https_proxy=", "http_proxy=", "no_proxy=", "NO_PROXY="}
	storeFile := filepath.Join(t.TempDir(), "store.json")
	os.WriteFile(storeFile, []byte(`{"url":"http://cache.invalid/go","proxyLogins":[`+
		`{"hostPort":"`+hostPort+`","username":"corp","password":"proxy s3cret"}]}`), 0o600)
	getAsGo(t, storeFile, append(none, "HTTP_PROXY="+server.URL)...)
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte("corp:proxy s3cret"))
	if len(p.proxyAuthorizations) != 1 || p.proxyAuthorizations[0] != want {
		t.Fatalf("the proxy saw Proxy-Authorization %q, want %q", p.proxyAuthorizations, want)
	}

	other := filepath.Join(t.TempDir(), "store.json")
	os.WriteFile(other, []byte(`{"url":"http://cache.invalid/go","proxyLogins":[`+
		`{"hostPort":"proxy.elsewhere:3128","username":"corp","password":"proxy s3cret"}]}`), 0o600)
	getAsGo(t, other, append(none, "HTTP_PROXY="+server.URL)...)
	if len(p.proxyAuthorizations) != 2 || p.proxyAuthorizations[1] != "" {
		t.Fatalf("a login for another proxy reached this one: %q", p.proxyAuthorizations)
	}
}

func TestATransferThatStallsIsCutAfterTheReadTimeout(t *testing.T) {
	content := "an object the store stops sending halfway"
	actionID, outputID := ids(content)
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/v1/a/") {
			w.Write(actionRecord(hexOf(outputID), int64(len(content))))
			return
		}
		w.Header().Set("Content-Length", "41")
		w.Write([]byte(content[:10]))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	t.Cleanup(server.Close)
	c := newCache(settings{dir: t.TempDir(), url: server.URL, timeout: time.Minute, readTimeout: 200 * time.Millisecond,
		runDir: t.TempDir()})
	if res := c.get(actionID); !res.Miss {
		t.Fatalf("want a miss, got %+v", res)
	}
	reason, _ := os.ReadFile(filepath.Join(c.runDir, storeFailedMarker))
	if !strings.HasPrefix(string(reason), slowPrefix+"no data moved for 200ms, the read timeout") {
		t.Fatalf("the store's failure is %q, want the stall", reason)
	}
}

func TestTheTimeoutsComeFromGosEnvironment(t *testing.T) {
	t.Setenv("GOMVN_CACHE_DIR", t.TempDir())
	t.Setenv("GOMVN_CACHE_TIMEOUT", "10")
	t.Setenv("GOMVN_CACHE_CONNECT_TIMEOUT", "3")
	t.Setenv("GOMVN_CACHE_READ_TIMEOUT", "4.5")
	s, err := settingsFromEnvironment()
	if err != nil {
		t.Fatal(err)
	}
	c := newCache(s)
	transport := c.client.Transport.(*http.Transport)
	if c.timeout != 10*time.Second || transport.TLSHandshakeTimeout != 3*time.Second || c.readTimeout != 4500*time.Millisecond {
		t.Fatalf("timeout %v, connect %v, read %v", c.timeout, transport.TLSHandshakeTimeout, c.readTimeout)
	}
}
