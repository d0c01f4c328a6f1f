package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// storeFailedMarker in the run directory tells every go process of the build that the store failed.
const storeFailedMarker = "store-failed"

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
