package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
)

// cache answers go's requests. Its methods are safe for concurrent use.
type cache struct {
	settings
	client *http.Client
	// Every store request runs under it: giving the store up cancels what is in flight at once.
	storeContext context.Context
	cancelStore  context.CancelFunc
	// Bounds concurrent downloads: go asks for many outputs at once. Uploads have workers of their own
	// (uploads.go), so go's reads never wait behind them.
	reads   chan struct{}
	uploads uploadQueue

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
	asked     map[string]bool
	used      map[string]manifestEntry
	usedOrder []string
	gets      map[string]string
	bytesDown int64
	bytesUp   int64
	corrupt   []string
	tooLarge  []string // "<path> <size>" of outputs the store refused with 413
	dropped   int      // outputs not uploaded: the store was too slow for them, or given up
}

// Downloads at once, go's and the prefetch's.
const readSlots = 8

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
	s = s.withDefaults()
	listLoaded := make(chan struct{})
	close(listLoaded)
	storeContext, cancelStore := context.WithCancel(context.Background())
	return &cache{
		settings:     s,
		client:       newStoreClient(s),
		storeContext: storeContext,
		cancelStore:  cancelStore,
		reads:        make(chan struct{}, readSlots),
		uploads:      newUploadQueue(),
		listLoaded:   listLoaded,
		stopPrefetch: func() {},
		downloads:    map[string]*download{},
		prefetched:   map[string]bool{},
		asked:        map[string]bool{},
		used:         map[string]manifestEntry{},
		gets:         map[string]string{},
	}
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

func (c *cache) hit(outputID string, size int64) response {
	raw, _ := hex.DecodeString(outputID)
	return response{OutputID: raw, Size: size, DiskPath: c.objectPath(outputID)}
}

// put answers a "put": the body streams into the local directory, checked against its output ID on the way,
// and goes to the store in the background, from that file.
func (c *cache) put(req request, body io.Reader) response {
	if len(req.ActionID) != sha256.Size || len(req.OutputID) != sha256.Size {
		return response{Err: "put without a 32-byte action ID and output ID"}
	}
	actionID := hex.EncodeToString(req.ActionID)
	outputID := hex.EncodeToString(req.OutputID)
	if err := c.writeObject(outputID, req.BodySize, body); err != nil {
		return response{Err: "put " + outputID + ": " + err.Error()}
	}
	if err := writeFileAtomically(c.actionPath(actionID), actionRecord(outputID, req.BodySize)); err != nil {
		return response{Err: err.Error()}
	}
	c.noteUsed(actionID, outputID, req.BodySize)
	if !c.readOnly && c.storeUsable() {
		c.enqueueUpload(actionID, outputID, req.BodySize)
	}
	return response{DiskPath: c.objectPath(outputID)}
}
