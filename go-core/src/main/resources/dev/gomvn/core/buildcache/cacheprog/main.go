// Command gomvn-cacheprog is the GOCACHEPROG program of gomvn's shared Go build cache.
//
// The go command starts it and asks it, over stdin/stdout (cmd/go/internal/cacheprog), for
// build outputs by action ID ("get") and hands it new outputs ("put"). It answers from a
// local directory first, then from an HTTP store (GET), and uploads new outputs (PUT) unless
// read-only. The store is content-addressed and never trusted: every object downloaded is
// checked against its SHA-256 (its output ID) before go sees it. A store that fails, stalls
// or cannot be reached is given up for the rest of the build: go carries on with the local
// directory only.
//
// Store layout below GOMVN_CACHE_URL:
//
//	v1/a/<action ID, 64 hex>  text "<output ID, 64 hex> <size in bytes>\n"
//	v1/o/<output ID, 64 hex>  the output itself; its SHA-256 is the output ID
//	v1/m/<key, 64 hex>        what the last build of one kind used: a line "gomvn-prefetch 1", then
//	                          "<action ID> <output ID> <size>" per output, in the order go asked for them
//
// go asks for one output at a time per action it runs, so a fresh agent would wait for thousands of
// small round trips one or two at a time. When gomvn names the kind of build (GOMVN_CACHE_PREFETCH_KEY:
// module, package, target, flags), the program reads that build's list from the store as go starts and
// downloads its outputs, several at once, ahead of go's requests, which then find them in the local
// directory. A list that no longer fits only costs the download of outputs go does not ask
// for: every output is still checked against its SHA-256. At the end the program stores the list of
// this build, unless read-only or unchanged.
//
// Settings come from the environment, never the command line: GOMVN_CACHE_DIR (local
// directory), GOMVN_CACHE_URL, GOMVN_CACHE_USERNAME, GOMVN_CACHE_PASSWORD,
// GOMVN_CACHE_READ_ONLY (true/false), GOMVN_CACHE_TIMEOUT (seconds), GOMVN_CACHE_PREFETCH_KEY and GOMVN_CACHE_RUN_DIR,
// where each process writes what it did for the build's summary, and where the first
// store failure is recorded so that the build's other go processes stop asking the store.
//
// Only the standard library is used: gomvn builds this file with the provisioned Go.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Request and response follow cmd/go/internal/cacheprog.
type request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type response struct {
	ID            int64
	Err           string   `json:",omitempty"`
	KnownCommands []string `json:",omitempty"`
	Miss          bool     `json:",omitempty"`
	OutputID      []byte   `json:",omitempty"`
	Size          int64    `json:",omitempty"`
	DiskPath      string   `json:",omitempty"`
}

// storeFailedMarker in the run directory tells every go process of the build that the store failed.
const storeFailedMarker = "store-failed"

// Outputs larger than this are not taken from a store's action record: a record claiming more is not ours.
const maxObjectSize = 4 << 30

const (
	manifestHeader = "gomvn-prefetch 1"
	// A manifest line is 64 + 1 + 64 + 1 + size + 1 bytes: this allows a hundred thousand outputs.
	maxManifestSize = 16 << 20
	// The time a list may take is that of a 1 MiB object (a list of 4 targets is about 100 KiB): the end of
	// the build waits for it.
	listTransferBound = 1 << 20
	// Downloads at once ahead of go: enough to hide the round trips, few enough to leave go a core.
	prefetchWorkers = 4
)

type settings struct {
	dir      string
	url      string
	username string
	password string
	readOnly bool
	timeout  time.Duration
	runDir   string
	// prefetchKey names the kind of build (64 hex digits) whose outputs are fetched ahead of go; empty: none.
	prefetchKey string
}

func settingsFromEnvironment() (settings, error) {
	s := settings{
		dir:      os.Getenv("GOMVN_CACHE_DIR"),
		url:      strings.TrimRight(os.Getenv("GOMVN_CACHE_URL"), "/"),
		username: os.Getenv("GOMVN_CACHE_USERNAME"),
		password: os.Getenv("GOMVN_CACHE_PASSWORD"),
		readOnly: os.Getenv("GOMVN_CACHE_READ_ONLY") == "true",
		timeout:  10 * time.Second,
		runDir:   os.Getenv("GOMVN_CACHE_RUN_DIR"),

		prefetchKey: os.Getenv("GOMVN_CACHE_PREFETCH_KEY"),
	}
	if s.dir == "" {
		return s, errors.New("GOMVN_CACHE_DIR is not set")
	}
	if raw, err := hex.DecodeString(s.prefetchKey); s.prefetchKey != "" && (err != nil || len(raw) != sha256.Size) {
		return s, fmt.Errorf("GOMVN_CACHE_PREFETCH_KEY is %q, not 64 hex digits", s.prefetchKey)
	}
	// go needs absolute DiskPaths.
	dir, err := filepath.Abs(s.dir)
	if err != nil {
		return s, err
	}
	s.dir = dir
	if text := os.Getenv("GOMVN_CACHE_TIMEOUT"); text != "" {
		seconds, err := strconv.ParseFloat(text, 64)
		if err != nil || seconds <= 0 {
			return s, fmt.Errorf("GOMVN_CACHE_TIMEOUT is %q, not a positive number of seconds", text)
		}
		s.timeout = time.Duration(seconds * float64(time.Second))
	}
	return s, nil
}

// cache answers go's requests. Its methods are safe for concurrent use.
type cache struct {
	settings
	client  *http.Client
	uploads sync.WaitGroup
	// Bounds concurrent store transfers: go asks for many outputs at once.
	transfers chan struct{}

	// The outputs the store's list for this kind of build names, by action ID; set once before prefetching.
	listed       map[string]manifestEntry
	listedOrder  []string
	listLoaded   chan struct{}
	stopPrefetch context.CancelFunc
	prefetching  sync.WaitGroup

	storeFailed atomic.Bool
	mu          sync.Mutex // guards the fields below
	downloads   map[string]*download
	prefetched  map[string]bool // action IDs whose outputs the prefetch brought from the store
	// What go asked for, and the outputs it got or put for them: the next build of this kind asks for the same.
	// Outputs go puts without asking (records for other tools, the linked binary) are not listed.
	asked       map[string]bool
	used        map[string]manifestEntry
	usedOrder   []string
	gets        map[string]string
	bytesDown   int64
	bytesUp     int64
	corrupt     []string
	tooLarge    []string // "<path> <size>" of outputs the store refused with 413
}

type manifestEntry struct {
	outputID string
	size     int64
}

// download is one object's transfer from the store, shared by go's request and the prefetch that want it.
type download struct {
	done chan struct{}
	ok   bool
}

func newCache(s settings) *cache {
	dialer := &net.Dialer{Timeout: s.timeout}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   s.timeout,
		ResponseHeaderTimeout: s.timeout,
		MaxIdleConnsPerHost:   8,
	}
	listLoaded := make(chan struct{})
	close(listLoaded)
	return &cache{
		settings:     s,
		client:       &http.Client{Transport: transport, CheckRedirect: redirectPolicy},
		transfers:    make(chan struct{}, 8),
		listLoaded:   listLoaded,
		stopPrefetch: func() {},
		downloads:    map[string]*download{},
		prefetched:   map[string]bool{},
		asked:        map[string]bool{},
		used:         map[string]manifestEntry{},
		gets:         map[string]string{},
	}
}

func (c *cache) objectPath(outputID string) string {
	return filepath.Join(c.dir, "o", outputID[:2], outputID)
}

func (c *cache) actionPath(actionID string) string {
	return filepath.Join(c.dir, "a", actionID[:2], actionID)
}

// get answers a "get": the local directory, then the store; anything doubtful is a miss.
func (c *cache) get(actionID []byte) response {
	id := hex.EncodeToString(actionID)
	if len(actionID) != sha256.Size {
		return response{Err: "action ID of " + strconv.Itoa(len(actionID)) + " bytes"}
	}
	c.mu.Lock()
	c.asked[id] = true
	c.mu.Unlock()
	if outputID, size, ok := c.localEntry(id); ok {
		c.noteHit(id, outputID, size, c.wasPrefetched(id))
		return c.hit(outputID, size)
	}
	if !c.storeUsable() {
		c.noteGet(id, "miss")
		return response{Miss: true}
	}
	outputID, size, found := c.listedOutput(id)
	if !found {
		outputID, size, found = c.fetchAction(id)
	}
	if !found || !c.obtainObject(outputID, size) {
		c.noteGet(id, "miss")
		return response{Miss: true}
	}
	if err := writeFileAtomically(c.actionPath(id), actionRecord(outputID, size)); err != nil {
		return response{Err: err.Error()}
	}
	c.noteHit(id, outputID, size, true)
	return c.hit(outputID, size)
}

// listedOutput is the output the store's list names for an action; go does not wait for the list to come.
func (c *cache) listedOutput(actionID string) (string, int64, bool) {
	select {
	case <-c.listLoaded:
		entry, ok := c.listed[actionID]
		return entry.outputID, entry.size, ok
	default:
		return "", 0, false
	}
}

func (c *cache) wasPrefetched(actionID string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.prefetched[actionID]
}

// obtainObject makes sure an object is in the local directory; one transfer per object, however many want it.
func (c *cache) obtainObject(outputID string, size int64) bool {
	c.mu.Lock()
	if d, ok := c.downloads[outputID]; ok {
		c.mu.Unlock()
		<-d.done
		return d.ok
	}
	d := &download{done: make(chan struct{})}
	c.downloads[outputID] = d
	c.mu.Unlock()
	d.ok = c.localObject(outputID, size) || c.fetchObject(outputID, size)
	close(d.done)
	return d.ok
}

// startPrefetch reads the store's list for this kind of build and fetches what the local directory lacks,
// in the order go asked for it last time, until the list is done or stop is called.
func (c *cache) startPrefetch() {
	if c.prefetchKey == "" || !c.storeUsable() {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.stopPrefetch = cancel
	loaded := make(chan struct{})
	c.listLoaded = loaded
	c.prefetching.Add(1)
	go func() {
		defer c.prefetching.Done()
		// Not cancelled with the downloads: the end of the build compares what go used with this list.
		c.loadList()
		close(loaded)
		work := make(chan string)
		for i := 0; i < prefetchWorkers; i++ {
			c.prefetching.Add(1)
			go func() {
				defer c.prefetching.Done()
				for actionID := range work {
					c.prefetch(actionID)
				}
			}()
		}
		defer close(work)
		for _, actionID := range c.listedOrder {
			select {
			case work <- actionID:
			case <-ctx.Done():
				return
			}
		}
	}()
}

func (c *cache) loadList() {
	path := "v1/m/" + c.prefetchKey
	body, ok := c.fetch(path, maxManifestSize+1, 0, c.transferTimeout(listTransferBound))
	if !ok {
		return
	}
	listed, order, err := parseManifest(body)
	if err != nil {
		c.noteCorrupt(path + " (" + err.Error() + ")")
		return
	}
	c.listed, c.listedOrder = listed, order
}

func (c *cache) prefetch(actionID string) {
	entry := c.listed[actionID]
	if c.localObject(entry.outputID, entry.size) && fileExists(c.actionPath(actionID)) {
		return
	}
	if !c.storeUsable() || !c.obtainObject(entry.outputID, entry.size) {
		return
	}
	if writeFileAtomically(c.actionPath(actionID), actionRecord(entry.outputID, entry.size)) == nil {
		c.mu.Lock()
		c.prefetched[actionID] = true
		c.mu.Unlock()
	}
}

func parseManifest(body []byte) (map[string]manifestEntry, []string, error) {
	if int64(len(body)) > maxManifestSize {
		return nil, nil, errors.New("larger than " + strconv.Itoa(maxManifestSize) + " bytes")
	}
	lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
	if lines[0] != manifestHeader {
		return nil, nil, errors.New("does not start with " + strconv.Quote(manifestHeader))
	}
	listed := map[string]manifestEntry{}
	var order []string
	for i, line := range lines[1:] {
		actionID, record, found := strings.Cut(line, " ")
		raw, err := hex.DecodeString(actionID)
		if !found || err != nil || len(raw) != sha256.Size {
			return nil, nil, fmt.Errorf("line %d does not start with an action ID", i+2)
		}
		outputID, size, err := parseActionRecord([]byte(record))
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %v", i+2, err)
		}
		actionID = strings.ToLower(actionID)
		if _, twice := listed[actionID]; !twice {
			order = append(order, actionID)
		}
		listed[actionID] = manifestEntry{outputID, size}
	}
	return listed, order, nil
}

// storeList uploads the list of what this build used for the next fresh agent, unless the store's list already
// names all of it: a build that compiled asks for less than one that found everything (go asks for a
// package's compiler output only when it has the package), and should not shorten the list.
func (c *cache) storeList() {
	if c.prefetchKey == "" || c.readOnly || !c.storeUsable() {
		return
	}
	c.mu.Lock()
	unchanged := true
	var text strings.Builder
	text.WriteString(manifestHeader + "\n")
	for _, actionID := range c.usedOrder {
		entry := c.used[actionID]
		unchanged = unchanged && c.listed[actionID] == entry
		text.WriteString(actionID + " " + string(actionRecord(entry.outputID, entry.size)))
	}
	c.mu.Unlock()
	if !unchanged {
		c.send("v1/m/"+c.prefetchKey, []byte(text.String()))
	}
}

func (c *cache) hit(outputID string, size int64) response {
	raw, _ := hex.DecodeString(outputID)
	return response{OutputID: raw, Size: size, DiskPath: c.objectPath(outputID)}
}

func (c *cache) localEntry(actionID string) (string, int64, bool) {
	record, err := os.ReadFile(c.actionPath(actionID))
	if err != nil {
		return "", 0, false
	}
	outputID, size, err := parseActionRecord(record)
	if err != nil || !c.localObject(outputID, size) {
		return "", 0, false
	}
	markUsed(c.actionPath(actionID))
	markUsed(c.objectPath(outputID))
	return outputID, size, true
}

// Like go's own cache: an entry's modification time is when it was last used (give or take an hour, to
// spare the disk a write per hit), and entries unused for trimAge are deleted, at most once per trimInterval.
const (
	usedResolution = time.Hour
	trimAge        = 5 * 24 * time.Hour
	trimInterval   = 24 * time.Hour
	trimStamp      = "trim.txt"
)

func markUsed(name string) {
	now := time.Now()
	if info, err := os.Stat(name); err == nil && now.Sub(info.ModTime()) > usedResolution {
		os.Chtimes(name, now, now)
	}
}

// trim deletes what no build used for trimAge; objects go before the records that name them are gone,
// which is harmless: a record without its object is a miss.
func (c *cache) trim(now time.Time) {
	stamp := filepath.Join(c.dir, trimStamp)
	if info, err := os.Stat(stamp); err == nil && now.Sub(info.ModTime()) < trimInterval {
		return
	}
	writeFileAtomically(stamp, []byte(now.UTC().Format(time.RFC3339)+"\n"))
	for _, kind := range []string{"a", "o"} {
		filepath.WalkDir(filepath.Join(c.dir, kind), func(name string, entry os.DirEntry, err error) error {
			if err != nil || entry.IsDir() {
				return nil
			}
			if info, err := entry.Info(); err == nil && now.Sub(info.ModTime()) > trimAge {
				os.Remove(name)
			}
			return nil
		})
	}
}

// localObject: objects enter the local directory only verified, so the size is enough to see truncation.
func (c *cache) localObject(outputID string, size int64) bool {
	info, err := os.Stat(c.objectPath(outputID))
	return err == nil && info.Mode().IsRegular() && info.Size() == size
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func actionRecord(outputID string, size int64) []byte {
	return []byte(outputID + " " + strconv.FormatInt(size, 10) + "\n")
}

func parseActionRecord(record []byte) (string, int64, error) {
	fields := strings.Fields(string(record))
	if len(fields) != 2 {
		return "", 0, errors.New("not '<output ID> <size>'")
	}
	raw, err := hex.DecodeString(fields[0])
	if err != nil || len(raw) != sha256.Size {
		return "", 0, errors.New("output ID is not 64 hex digits")
	}
	size, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil || size < 0 || size > maxObjectSize {
		return "", 0, errors.New("size is not a number of bytes")
	}
	return strings.ToLower(fields[0]), size, nil
}

// put answers a "put": the body goes to the local directory at once, to the store in the background.
func (c *cache) put(req request, body []byte) response {
	outputID := req.OutputID
	if len(req.ActionID) != sha256.Size || len(outputID) != sha256.Size {
		return response{Err: "put without a 32-byte action ID and output ID"}
	}
	if int64(len(body)) != req.BodySize {
		return response{Err: fmt.Sprintf("put body of %d bytes, announced %d", len(body), req.BodySize)}
	}
	sum := sha256.Sum256(body)
	if !bytes.Equal(sum[:], outputID) {
		return response{Err: "put body does not hash to its output ID"}
	}
	actionID := hex.EncodeToString(req.ActionID)
	output := hex.EncodeToString(outputID)
	size := int64(len(body))
	if !c.localObject(output, size) {
		if err := writeFileAtomically(c.objectPath(output), body); err != nil {
			return response{Err: err.Error()}
		}
	}
	if err := writeFileAtomically(c.actionPath(actionID), actionRecord(output, size)); err != nil {
		return response{Err: err.Error()}
	}
	c.noteUsed(actionID, output, size)
	if !c.readOnly && c.storeUsable() {
		c.uploads.Add(1)
		go func() {
			defer c.uploads.Done()
			c.upload(actionID, output, body)
		}()
	}
	return response{DiskPath: c.objectPath(output)}
}

// upload stores the object before the action record, so a record never names an object the store lacks.
// The object is always sent, even if the store has one by that name: that repairs a corrupted one.
func (c *cache) upload(actionID, outputID string, body []byte) {
	c.transfers <- struct{}{}
	defer func() { <-c.transfers }()
	if !c.storeUsable() || !c.send("v1/o/"+outputID, body) {
		return
	}
	if c.storeUsable() {
		c.send("v1/a/"+actionID, actionRecord(outputID, int64(len(body))))
	}
}

func (c *cache) send(path string, body []byte) bool {
	ctx, cancel := context.WithTimeout(context.Background(), c.transferTimeout(int64(len(body))))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.url+"/"+path, bytes.NewReader(body))
	if err != nil {
		c.failStore(err.Error())
		return false
	}
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "application/octet-stream")
	c.authorize(req)
	res, err := c.client.Do(req)
	if err != nil {
		c.failStore(describe(err))
		return false
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode == http.StatusRequestEntityTooLarge {
		// The store is fine, only this output is over its upload limit: it stays local, the store stays in use.
		c.mu.Lock()
		c.tooLarge = append(c.tooLarge, path+" "+strconv.Itoa(len(body)))
		c.mu.Unlock()
		return false
	}
	if res.StatusCode/100 != 2 {
		c.failStore("PUT " + path + " answered " + res.Status)
		return false
	}
	c.mu.Lock()
	c.bytesUp += int64(len(body))
	c.mu.Unlock()
	return true
}

// fetchAction reads an action record from the store; found is false on a miss or a failure.
func (c *cache) fetchAction(actionID string) (outputID string, size int64, found bool) {
	c.transfers <- struct{}{}
	defer func() { <-c.transfers }()
	record, ok := c.fetch("v1/a/"+actionID, 256, 0, c.timeout)
	if !ok {
		return "", 0, false
	}
	outputID, size, err := parseActionRecord(record)
	if err != nil {
		c.noteCorrupt("v1/a/" + actionID + " (" + err.Error() + ")")
		return "", 0, false
	}
	return outputID, size, true
}

// fetchObject downloads an object into the local directory if, and only if, it hashes to its output ID.
func (c *cache) fetchObject(outputID string, size int64) bool {
	c.transfers <- struct{}{}
	defer func() { <-c.transfers }()
	body, ok := c.fetch("v1/o/"+outputID, size+1, size, c.transferTimeout(size))
	if !ok {
		return false
	}
	sum := sha256.Sum256(body)
	if int64(len(body)) != size || hex.EncodeToString(sum[:]) != outputID {
		c.noteCorrupt("v1/o/" + outputID)
		return false
	}
	if err := writeFileAtomically(c.objectPath(outputID), body); err != nil {
		return false
	}
	return true
}

// fetch GETs a path of the store: not found is a plain miss; any other answer but 200 fails the store.
// expected is the size the caller expects, if it knows: reading into a buffer of that size from the start
// halves the cost of a download against growing one.
func (c *cache) fetch(path string, limit, expected int64, timeout time.Duration) ([]byte, bool) {
	if !c.storeUsable() {
		return nil, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+"/"+path, nil)
	if err != nil {
		c.failStore(err.Error())
		return nil, false
	}
	c.authorize(req)
	res, err := c.client.Do(req)
	if err != nil {
		c.failStore(describe(err))
		return nil, false
	}
	defer func() {
		// Read what is left of a short answer, so the connection serves the next request.
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		res.Body.Close()
	}()
	if res.StatusCode == http.StatusNotFound {
		return nil, false
	}
	if res.StatusCode != http.StatusOK {
		c.failStore("GET " + path + " answered " + res.Status)
		return nil, false
	}
	buffer := bytes.NewBuffer(make([]byte, 0, expected+bytes.MinRead))
	_, err = buffer.ReadFrom(io.LimitReader(res.Body, limit))
	body := buffer.Bytes()
	if err != nil {
		c.failStore(describe(err))
		return nil, false
	}
	c.mu.Lock()
	c.bytesDown += int64(len(body))
	c.mu.Unlock()
	return body, true
}

// transferTimeout allows an object 512 KiB/s on top of the store's timeout, bounded however large it is.
func (c *cache) transferTimeout(size int64) time.Duration {
	return c.timeout + time.Duration(size/(512<<10))*time.Second
}

// redirectPolicy is the downloads' policy for a store's redirects: never from https to plain http or to another
// scheme, and the login only to the store's own origin (scheme, host and port): go's client would forward it to
// the same host on another port or scheme, in clear text there.
func redirectPolicy(req *http.Request, via []*http.Request) error {
	first := via[0].URL
	if first.Scheme == "https" && req.URL.Scheme != "https" || req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("the store redirected %s to %s, which is not https; refused, so that the login and "+
			"the build's outputs never travel in clear text", first.Redacted(), req.URL.Redacted())
	}
	if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
		req.Header.Del("Authorization")
	}
	if len(via) >= 10 {
		return errors.New("the store redirected more than 10 times")
	}
	return nil
}

func (c *cache) authorize(req *http.Request) {
	if c.username != "" || c.password != "" {
		req.SetBasicAuth(c.username, c.password)
	}
}

func describe(err error) string {
	if errors.Is(err, context.DeadlineExceeded) || os.IsTimeout(err) {
		return "no answer within the timeout (" + err.Error() + ")"
	}
	return err.Error()
}

// storeUsable is false once this process or another go process of the build saw the store fail.
func (c *cache) storeUsable() bool {
	if c.url == "" || c.storeFailed.Load() {
		return false
	}
	if c.runDir != "" {
		if _, err := os.Stat(filepath.Join(c.runDir, storeFailedMarker)); err == nil {
			c.storeFailed.Store(true)
			return false
		}
	}
	return true
}

// failStore gives the store up; the first process to fail records why, for the build's one warning.
func (c *cache) failStore(reason string) {
	if c.storeFailed.Swap(true) || c.runDir == "" {
		return
	}
	marker, err := os.OpenFile(filepath.Join(c.runDir, storeFailedMarker), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return // another process was first
	}
	defer marker.Close()
	marker.WriteString(reason + "\n")
}

// noteHit records an answered get: for the summary, and for the list of what this build used.
func (c *cache) noteHit(actionID, outputID string, size int64, fromStore bool) {
	outcome := "local"
	if fromStore {
		outcome = "store"
	}
	c.noteGet(actionID, outcome)
	c.noteUsed(actionID, outputID, size)
}

func (c *cache) noteUsed(actionID, outputID string, size int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.asked[actionID] {
		return
	}
	if _, seen := c.used[actionID]; !seen {
		c.usedOrder = append(c.usedOrder, actionID)
	}
	c.used[actionID] = manifestEntry{outputID, size}
}

func (c *cache) noteGet(actionID, outcome string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets[actionID] = outcome
}

func (c *cache) noteCorrupt(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.corrupt = append(c.corrupt, path)
}

// writeStatistics leaves this process's part of the build's summary in the run directory.
func (c *cache) writeStatistics() error {
	if c.runDir == "" {
		return nil
	}
	c.mu.Lock()
	var text strings.Builder
	for actionID, outcome := range c.gets {
		text.WriteString("get " + actionID + " " + outcome + "\n")
	}
	for _, path := range c.corrupt {
		text.WriteString("corrupt " + path + "\n")
	}
	for _, refused := range c.tooLarge {
		text.WriteString("toolarge " + refused + "\n")
	}
	text.WriteString("down " + strconv.FormatInt(c.bytesDown, 10) + "\n")
	text.WriteString("up " + strconv.FormatInt(c.bytesUp, 10) + "\n")
	c.mu.Unlock()
	name := filepath.Join(c.runDir, "stats-"+strconv.Itoa(os.Getpid())+"-"+randomSuffix()+".txt")
	return writeFileAtomically(name, []byte(text.String()))
}

// writeFileAtomically: a reader (go, or another go process of a parallel build) sees all of it or nothing.
func writeFileAtomically(name string, content []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	temp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = temp.Write(content)
	if closeErr := temp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(temp.Name(), name)
	}
	if err != nil {
		os.Remove(temp.Name())
	}
	return err
}

func randomSuffix() string {
	raw := make([]byte, 6)
	rand.Read(raw)
	return hex.EncodeToString(raw)
}

// serve speaks the protocol until "close" or the end of input.
func (c *cache) serve(in io.Reader, out io.Writer) error {
	var writeMu sync.Mutex
	encoder := json.NewEncoder(out)
	reply := func(res response) {
		writeMu.Lock()
		defer writeMu.Unlock()
		encoder.Encode(res)
	}
	reply(response{KnownCommands: []string{"get", "put", "close"}})
	c.startPrefetch()
	lines := bufio.NewReaderSize(in, 1<<20)
	var answering sync.WaitGroup
	defer answering.Wait()
	for {
		var req request
		line, err := nextLine(lines)
		if err == nil {
			err = json.Unmarshal(line, &req)
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				answering.Wait()
				return c.finish()
			}
			return fmt.Errorf("reading a request: %w", err)
		}
		switch req.Command {
		case "get":
			answering.Add(1)
			go func() {
				defer answering.Done()
				res := c.get(req.ActionID)
				res.ID = req.ID
				reply(res)
			}()
		case "put":
			var body []byte
			if req.BodySize > 0 {
				// The body follows on its own line as a JSON string of base64: decoded here directly, as
				// encoding/json would scan megabytes byte by byte.
				body, err = readBody(lines, req.BodySize)
				if err != nil {
					return fmt.Errorf("reading the body of put %d: %w", req.ID, err)
				}
			}
			res := c.put(req, body)
			res.ID = req.ID
			reply(res)
		case "close":
			answering.Wait()
			err := c.finish()
			res := response{ID: req.ID}
			if err != nil {
				res.Err = err.Error()
			}
			reply(res)
			return nil
		default:
			reply(response{ID: req.ID, Err: "unknown command " + strconv.Quote(req.Command)})
		}
	}
}

// finish ends the build's use of the cache: go asks for nothing more, so the prefetch starts no more
// downloads (the few in flight complete, each bounded by its timeout); uploads complete before the list that
// names them.
func (c *cache) finish() error {
	c.stopPrefetch()
	c.prefetching.Wait()
	c.uploads.Wait()
	c.storeList()
	c.trim(time.Now())
	return c.writeStatistics()
}

// nextLine returns the next line that is not empty (go writes an empty line after each request).
func nextLine(in *bufio.Reader) ([]byte, error) {
	for {
		line, err := in.ReadBytes('\n')
		line = bytes.TrimSpace(line)
		if len(line) > 0 {
			return line, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func readBody(in *bufio.Reader, size int64) ([]byte, error) {
	line, err := nextLine(in)
	if err != nil {
		return nil, err
	}
	if len(line) < 2 || line[0] != '"' || line[len(line)-1] != '"' {
		return nil, errors.New("not a JSON string")
	}
	body := make([]byte, base64.StdEncoding.DecodedLen(len(line)-2))
	n, err := base64.StdEncoding.Decode(body, line[1:len(line)-1])
	if err != nil {
		return nil, err
	}
	if int64(n) != size {
		return nil, fmt.Errorf("%d bytes, announced %d", n, size)
	}
	return body[:n], nil
}

func main() {
	s, err := settingsFromEnvironment()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gomvn-cacheprog:", err)
		os.Exit(2)
	}
	if err := newCache(s).serve(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gomvn-cacheprog:", err)
		os.Exit(1)
	}
}
