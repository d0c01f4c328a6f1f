package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

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
	body, ok := c.fetchSmall(path, maxManifestSize+1, c.transferTimeout(listTransferBound))
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
		list := []byte(text.String())
		c.send("v1/m/"+c.prefetchKey, bytesBody(list), int64(len(list)))
	}
}
