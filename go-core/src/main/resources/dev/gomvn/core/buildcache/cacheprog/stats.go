package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

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

func (c *cache) noteDropped() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropped++
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
	text.WriteString("dropped " + strconv.Itoa(c.dropped) + "\n")
	c.mu.Unlock()
	name := filepath.Join(c.runDir, "stats-"+strconv.Itoa(os.Getpid())+"-"+randomSuffix()+".txt")
	return writeFileAtomically(name, []byte(text.String()))
}
