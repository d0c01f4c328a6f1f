package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Uploads run beside go on workers of their own, so go's reads never wait behind them, and they cost go
// nothing while the store keeps pace. A store that takes outputs slower than go makes them would let them
// pile up and keep the end of the build waiting: an output must be stored within the time its request may
// take (transferTimeout: the timeout, plus a second per 512 KiB) from when go made it. A store that keeps
// one longer is too slow for this build and given up, with the uploads still waiting dropped (and
// counted); at most maxWaitingUploads wait at once, more are dropped.
const (
	uploadWorkers     = 4
	maxWaitingUploads = 1024
)

type pendingUpload struct {
	actionID string
	outputID string
	size     int64
	queued   time.Time
}

type uploadQueue struct {
	start   sync.Once
	waiting chan pendingUpload
	pending sync.WaitGroup // queued or being sent
	// Per worker, when the upload it sends is due (Unix nanoseconds), or 0: uploads leave the queue in the
	// order they entered it, so those still waiting are due later.
	due [uploadWorkers]atomic.Int64
}

func newUploadQueue() uploadQueue {
	return uploadQueue{waiting: make(chan pendingUpload, maxWaitingUploads)}
}

// enqueueUpload hands an output in the local directory to the upload workers, or drops it when too many wait.
func (c *cache) enqueueUpload(actionID, outputID string, size int64) {
	c.uploads.start.Do(func() {
		for i := 0; i < uploadWorkers; i++ {
			go c.uploadWorker(&c.uploads.due[i])
		}
	})
	c.uploads.pending.Add(1)
	select {
	case c.uploads.waiting <- pendingUpload{actionID, outputID, size, time.Now()}:
	default:
		c.uploads.pending.Done()
		c.noteDropped()
	}
}

func (c *cache) uploadWorker(due *atomic.Int64) {
	for next := range c.uploads.waiting {
		due.Store(next.queued.Add(c.transferTimeout(next.size)).UnixNano())
		if !c.sendUpload(next) {
			c.noteDropped()
		}
		due.Store(0)
		c.uploads.pending.Done()
	}
}

func (c *cache) sendUpload(next pendingUpload) bool {
	if !c.storeUsable() {
		return false
	}
	if c.checkUploadsInTime() {
		return c.upload(next.actionID, next.outputID, next.size)
	}
	return false
}

// checkUploadsInTime gives the store up as too slow once an upload is overdue.
func (c *cache) checkUploadsInTime() bool {
	now := time.Now().UnixNano()
	for i := range c.uploads.due {
		if due := c.uploads.due[i].Load(); due != 0 && now > due {
			late := time.Duration(now - due)
			c.storeTooSlow(fmt.Sprintf("an output was still not stored %.1f s after the %s its upload may take"+
				" (the timeout, and a second per 512 KiB): the store takes outputs slower than the build makes them",
				late.Seconds(), c.timeout))
			return false
		}
	}
	return true
}

// upload stores the object, from the local directory, before the action record, so a record never names an
// object the store lacks. The object is always sent, even if the store has one by that name: that repairs a
// corrupted one. An object trimmed from the local directory meanwhile is not uploaded.
func (c *cache) upload(actionID, outputID string, size int64) bool {
	name := c.objectPath(outputID)
	open := func() (io.ReadCloser, error) { return os.Open(name) }
	if !fileExists(name) || !c.send("v1/o/"+outputID, open, size) || !c.storeUsable() {
		return false
	}
	record := actionRecord(outputID, size)
	return c.send("v1/a/"+actionID, bytesBody(record), int64(len(record)))
}

func bytesBody(content []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }
}

// drainUploads waits for the uploads still waiting at the end of go's run, but not once one is overdue: the
// store is then too slow for this build, and what still waits is dropped.
func (c *cache) drainUploads() {
	close(c.uploads.waiting)
	drained := make(chan struct{})
	go func() {
		c.uploads.pending.Wait()
		close(drained)
	}()
	ticker := time.NewTicker(50 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-drained:
			return
		case <-ticker.C:
			if !c.checkUploadsInTime() {
				<-drained
				return
			}
		}
	}
}
