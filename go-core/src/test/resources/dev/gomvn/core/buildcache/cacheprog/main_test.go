package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
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
	res := c.put(request{ActionID: actionID, OutputID: outputID, BodySize: int64(len(content))}, []byte(content))
	if res.Err != "" {
		t.Fatalf("put: %s", res.Err)
	}
	c.uploads.Wait()
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

func TestPutThenGetIsALocalHit(t *testing.T) {
	c := newTestCache(t, "")
	actionID := putContent(t, c, "compiled package")
	assertHit(t, c.get(actionID), "compiled package")
	if c.gets[hexOf(actionID)] != "local" {
		t.Fatalf("outcome %q, want local", c.gets[hexOf(actionID)])
	}
}

func TestAFreshAgentGetsWhatAnotherUploaded(t *testing.T) {
	s, url := newStore(t)
	actionID := putContent(t, newTestCache(t, url), "compiled package")
	if _, ok := s.files["/cache/v1/o/"+hexOf(sha256Of("compiled package"))]; !ok {
		t.Fatalf("store holds %v, want the object under v1/o/<output ID>", keys(s))
	}
	fresh := newTestCache(t, url)
	assertHit(t, fresh.get(actionID), "compiled package")
	if fresh.gets[hexOf(actionID)] != "store" || fresh.bytesDown == 0 {
		t.Fatalf("outcome %q with %d bytes down, want store and bytes", fresh.gets[hexOf(actionID)], fresh.bytesDown)
	}
	// The second time the local directory answers: no more requests.
	before := s.requests.Load()
	assertHit(t, fresh.get(actionID), "compiled package")
	if s.requests.Load() != before {
		t.Fatal("a local hit asked the store")
	}
}

func TestACorruptedObjectIsAMissAndNeverReachesGo(t *testing.T) {
	s, url := newStore(t)
	actionID := putContent(t, newTestCache(t, url), "the real output")
	s.files["/cache/v1/o/"+hexOf(sha256Of("the real output"))] = []byte("the poisoned one")
	fresh := newTestCache(t, url)
	if res := fresh.get(actionID); !res.Miss {
		t.Fatalf("want a miss, got %+v", res)
	}
	if len(fresh.corrupt) != 1 || !strings.HasPrefix(fresh.corrupt[0], "v1/o/") {
		t.Fatalf("corrupt entries %v, want the object", fresh.corrupt)
	}
	if _, err := os.Stat(fresh.objectPath(hexOf(sha256Of("the real output")))); err == nil {
		t.Fatal("the poisoned object was kept in the local directory")
	}
	if !fresh.storeUsable() {
		t.Fatal("a corrupted entry must not give the whole store up")
	}
	// go then builds the output and puts it: the store is repaired.
	putContent(t, fresh, "the real output")
	if string(s.files["/cache/v1/o/"+hexOf(sha256Of("the real output"))]) != "the real output" {
		t.Fatal("the corrupted object was not replaced")
	}
}

func TestAnActionRecordNamingAnotherOutputIsAMiss(t *testing.T) {
	s, url := newStore(t)
	actionID := putContent(t, newTestCache(t, url), "the real output")
	s.files["/cache/v1/a/"+hexOf(actionID)] = []byte(hexOf(sha256Of("the real output")) + " 3\n")
	if res := newTestCache(t, url).get(actionID); !res.Miss {
		t.Fatalf("a record with the wrong size must be a miss, got %+v", res)
	}
	s.files["/cache/v1/a/"+hexOf(actionID)] = []byte("garbage\n")
	fresh := newTestCache(t, url)
	if res := fresh.get(actionID); !res.Miss || len(fresh.corrupt) != 1 {
		t.Fatalf("a garbled record must be a miss noted as corrupt, got %+v, %v", res, fresh.corrupt)
	}
}

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

func TestAnOutputOverTheStoresUploadLimitStaysLocalAndTheStoreStaysInUse(t *testing.T) {
	s, url := newStore(t)
	s.maxBody = 100
	c := newTestCache(t, url)
	large := putContent(t, c, strings.Repeat("x", 101))
	small := putContent(t, c, "small")
	if !c.storeUsable() {
		t.Fatal("a 413 gave the store up")
	}
	if len(c.tooLarge) != 1 || !strings.HasSuffix(c.tooLarge[0], " 101") {
		t.Fatalf("refused outputs %v", c.tooLarge)
	}
	fresh := newTestCache(t, url)
	assertHit(t, fresh.get(small), "small")
	if !fresh.get(large).Miss {
		t.Fatal("the refused output is in the store")
	}
}

func TestReadOnlyUploadsNothing(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	c.readOnly = true
	actionID := putContent(t, c, "local only")
	assertHit(t, c.get(actionID), "local only")
	if s.puts.Load() != 0 || c.bytesUp != 0 {
		t.Fatalf("%d PUTs, %d bytes up in read-only mode", s.puts.Load(), c.bytesUp)
	}
}

func TestAPutWhoseBodyDoesNotMatchItsOutputIDIsRefused(t *testing.T) {
	c := newTestCache(t, "")
	actionID, outputID := ids("announced")
	if res := c.put(request{ActionID: actionID, OutputID: outputID, BodySize: 5}, []byte("other")); res.Err == "" {
		t.Fatal("want an error")
	}
}

// buildOfKind is one go process of a build kind (same prefetch key) on an agent of its own: it asks for
// the outputs of contents (a put for those it has to build) and finishes as go's "close" makes it.
func buildOfKind(t *testing.T, url, key string, contents ...string) *cache {
	t.Helper()
	c := newTestCache(t, url)
	c.prefetchKey = key
	c.startPrefetch()
	for _, content := range contents {
		actionID, _ := ids(content)
		if res := c.get(actionID); res.Miss {
			putContent(t, c, content)
		}
	}
	if err := c.finish(); err != nil {
		t.Fatal(err)
	}
	return c
}

var kindKey = strings.Repeat("ab", 32)

func TestAFreshAgentFetchesWhatTheLastBuildOfItsKindUsedBeforeGoAsks(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a", "fmt.a", "main.a")
	list := string(s.files["/cache/v1/m/"+kindKey])
	if !strings.HasPrefix(list, manifestHeader+"\n") || strings.Count(list, "\n") != 4 {
		t.Fatalf("the store's list for the kind is %q, want the header and 3 outputs", list)
	}
	fresh := newTestCache(t, url)
	fresh.prefetchKey = kindKey
	fresh.startPrefetch()
	fresh.prefetching.Wait()
	// Everything is local before go's first request: go's requests cost no round trip.
	before := s.requests.Load()
	for _, content := range []string{"runtime.a", "fmt.a", "main.a"} {
		actionID, _ := ids(content)
		assertHit(t, fresh.get(actionID), content)
		if fresh.gets[hexOf(actionID)] != "store" {
			t.Fatalf("%s counted %q, want store: it came from the store in this build", content, fresh.gets[hexOf(actionID)])
		}
	}
	if s.requests.Load() != before {
		t.Fatalf("go's requests asked the store %d times after the prefetch", s.requests.Load()-before)
	}
}

func TestAnUnchangedListIsNotUploadedAgainAndAChangedOneIs(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a", "main.a")
	puts := s.puts.Load()
	buildOfKind(t, url, kindKey, "runtime.a", "main.a")
	buildOfKind(t, url, kindKey, "main.a")
	if s.puts.Load() != puts {
		t.Fatalf("builds that used what the list names uploaded %d times", s.puts.Load()-puts)
	}
	buildOfKind(t, url, kindKey, "runtime.a", "main.a changed")
	list := string(s.files["/cache/v1/m/"+kindKey])
	if !strings.Contains(list, hexOf(sha256Of("main.a changed"))) || strings.Contains(list, hexOf(sha256Of("main.a"))+" ") {
		t.Fatalf("the list after a changed build is %q, want the new output instead of the old", list)
	}
}

func TestTheListNamesWhatGoAskedForNotWhatItOnlyPut(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	c.prefetchKey = kindKey
	asked, _ := ids("main.a")
	c.get(asked)
	putContent(t, c, "main.a")
	putContent(t, c, "vet config nobody asks for")
	c.finish()
	list := string(s.files["/cache/v1/m/"+kindKey])
	if !strings.Contains(list, hexOf(asked)) || strings.Count(list, "\n") != 2 {
		t.Fatalf("the list is %q, want the header and main.a only", list)
	}
}

func TestAListNamingACorruptedObjectGivesGoAMissNotTheObject(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a")
	s.files["/cache/v1/o/"+hexOf(sha256Of("runtime.a"))] = []byte("poisoned!")
	fresh := newTestCache(t, url)
	fresh.prefetchKey = kindKey
	fresh.startPrefetch()
	fresh.prefetching.Wait()
	actionID, _ := ids("runtime.a")
	if res := fresh.get(actionID); !res.Miss || len(fresh.corrupt) != 1 {
		t.Fatalf("want a miss and one corrupt entry, got %+v and %v", res, fresh.corrupt)
	}
}

func TestAGarbledListIsReportedAndGoStillGetsEachOutput(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a")
	for _, garbled := range []string{"<html>proxy error</html>", manifestHeader + "\nnot-an-action 1\n"} {
		s.files["/cache/v1/m/"+kindKey] = []byte(garbled)
		fresh := newTestCache(t, url)
		fresh.prefetchKey = kindKey
		fresh.startPrefetch()
		<-fresh.listLoaded
		actionID, _ := ids("runtime.a")
		assertHit(t, fresh.get(actionID), "runtime.a")
		if len(fresh.corrupt) != 1 || !strings.HasPrefix(fresh.corrupt[0], "v1/m/"+kindKey) {
			t.Fatalf("corrupt entries %v, want the list", fresh.corrupt)
		}
	}
}

func TestReadOnlyAgentsUseTheListButNeverWriteIt(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	c.readOnly = true
	c.prefetchKey = kindKey
	putContent(t, c, "local only")
	c.finish()
	if _, ok := s.files["/cache/v1/m/"+kindKey]; ok || s.puts.Load() != 0 {
		t.Fatalf("a read-only agent wrote %v", keys(s))
	}
}

func TestFinishingStopsThePrefetchWithoutBlamingTheStore(t *testing.T) {
	s, url := newStore(t)
	var contents []string
	for i := 0; i < 40; i++ {
		contents = append(contents, "package "+strconv.Itoa(i))
	}
	buildOfKind(t, url, kindKey, contents...)
	s.delay = time.Second
	fresh := newTestCache(t, url)
	fresh.prefetchKey = kindKey
	fresh.readOnly = true
	fresh.startPrefetch()
	time.Sleep(150 * time.Millisecond)
	started := time.Now()
	if err := fresh.finish(); err != nil {
		t.Fatal(err)
	}
	// 40 outputs by 4 workers at a second each would take 10 s; the build is over, so only those in flight are waited for.
	if elapsed := time.Since(started); elapsed > 3*time.Second {
		t.Fatalf("finishing waited %v for a prefetch nobody needs", elapsed)
	}
	if !fresh.storeUsable() {
		t.Fatal("stopping the prefetch marked the store failed")
	}
}

func TestAPrefetchKeyThatIsNotHexIsRefused(t *testing.T) {
	t.Setenv("GOMVN_CACHE_DIR", t.TempDir())
	t.Setenv("GOMVN_CACHE_PREFETCH_KEY", "../../etc")
	if _, err := settingsFromEnvironment(); err == nil || !strings.Contains(err.Error(), "GOMVN_CACHE_PREFETCH_KEY") {
		t.Fatalf("want an error naming GOMVN_CACHE_PREFETCH_KEY, got %v", err)
	}
}

// TestProtocol speaks to serve() as the go command does: handshake, put with a base64 body, get, close.
func TestProtocol(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	toProgram, fromGo := io.Pipe()
	fromProgram, toGo := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- c.serve(toProgram, toGo); toGo.Close() }()
	responses := json.NewDecoder(bufio.NewReader(fromProgram))
	var hello response
	if err := responses.Decode(&hello); err != nil || strings.Join(hello.KnownCommands, ",") != "get,put,close" {
		t.Fatalf("handshake %+v (%v)", hello, err)
	}
	actionID, outputID := ids("body bytes")
	send := func(v any) {
		line, _ := json.Marshal(v)
		fromGo.Write(append(line, '\n'))
	}
	send(request{ID: 1, Command: "get", ActionID: actionID})
	var miss response
	if err := responses.Decode(&miss); err != nil || miss.ID != 1 || !miss.Miss {
		t.Fatalf("first get answered %+v (%v), want a miss", miss, err)
	}
	send(request{ID: 2, Command: "put", ActionID: actionID, OutputID: outputID, BodySize: 10})
	fromGo.Write([]byte(`"` + base64.StdEncoding.EncodeToString([]byte("body bytes")) + `"` + "\n"))
	var stored response
	if err := responses.Decode(&stored); err != nil || stored.ID != 2 || stored.DiskPath == "" || stored.Err != "" {
		t.Fatalf("put answered %+v (%v)", stored, err)
	}
	send(request{ID: 3, Command: "get", ActionID: actionID})
	var hit response
	responses.Decode(&hit)
	assertHit(t, hit, "body bytes")
	send(request{ID: 4, Command: "close"})
	var closed response
	if err := responses.Decode(&closed); err != nil || closed.ID != 4 {
		t.Fatalf("close answered %+v (%v)", closed, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if s.puts.Load() != 2 {
		t.Fatalf("%d PUTs, want the object and its action record", s.puts.Load())
	}
	stats, _ := filepath.Glob(filepath.Join(c.runDir, "stats-*.txt"))
	if len(stats) != 1 {
		t.Fatalf("statistics files %v", stats)
	}
	text, _ := os.ReadFile(stats[0])
	if !strings.Contains(string(text), "get "+hexOf(actionID)+" local") || !strings.Contains(string(text), "up 78") {
		t.Fatalf("statistics:\n%s", text)
	}
}

func TestEntriesUnusedForFiveDaysAreTrimmedOncePerDay(t *testing.T) {
	c := newTestCache(t, "")
	used := putContent(t, c, "used yesterday")
	unused := putContent(t, c, "unused for a week")
	week := time.Now().Add(-7 * 24 * time.Hour)
	for _, content := range []string{"used yesterday", "unused for a week"} {
		a, o := ids(content)
		os.Chtimes(c.actionPath(hexOf(a)), week, week)
		os.Chtimes(c.objectPath(hexOf(o)), week, week)
	}
	assertHit(t, c.get(used), "used yesterday") // marks it used now

	c.trim(time.Now())

	assertHit(t, c.get(used), "used yesterday")
	if res := c.get(unused); !res.Miss {
		t.Fatalf("an entry unused for a week survived the trim: %+v", res)
	}
	// Within a day of the last trim nothing is trimmed, however old.
	putContent(t, c, "old but recently trimmed")
	a, o := ids("old but recently trimmed")
	os.Chtimes(c.actionPath(hexOf(a)), week, week)
	os.Chtimes(c.objectPath(hexOf(o)), week, week)
	c.trim(time.Now())
	if _, err := os.Stat(c.objectPath(hexOf(o))); err != nil {
		t.Fatalf("trimmed twice within a day: %v", err)
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
