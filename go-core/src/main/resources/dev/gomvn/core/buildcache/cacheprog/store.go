package main

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

// send PUTs a body of size bytes to a path of the store; open gives the body, again for a redirect.
func (c *cache) send(path string, open func() (io.ReadCloser, error), size int64) bool {
	ctx, cancel, end := c.startTransfer(c.transferTimeout(size))
	defer end()
	body, err := open()
	if err != nil {
		return false // the local file went (trimmed): nothing to send, nothing wrong with the store
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.url+"/"+path, c.watch(body, cancel))
	if err != nil {
		body.Close()
		c.failStore(err.Error())
		return false
	}
	req.ContentLength = size
	req.GetBody = func() (io.ReadCloser, error) {
		again, err := open()
		if err != nil {
			return nil, err
		}
		return c.watch(again, cancel), nil
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	c.authorize(req)
	res, err := c.client.Do(req)
	if err != nil {
		c.failRequest(ctx, err)
		return false
	}
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	res.Body.Close()
	if res.StatusCode == http.StatusRequestEntityTooLarge {
		// The store is fine, only this output is over its upload limit: it stays local, the store stays in use.
		c.mu.Lock()
		c.tooLarge = append(c.tooLarge, path+" "+strconv.FormatInt(size, 10))
		c.mu.Unlock()
		return false
	}
	if res.StatusCode/100 != 2 {
		c.failStore("PUT " + path + " answered " + res.Status)
		return false
	}
	c.mu.Lock()
	c.bytesUp += size
	c.mu.Unlock()
	return true
}

// errRefused marks what consume refused in a download's body: the store answered, with wrong content.
var errRefused = errors.New("refused")

// download GETs a path of the store and hands its body to consume as it arrives. Not found is a plain miss;
// another answer than 200, or a failure while the body arrives, gives the store up; content consume
// refuses (errRefused) is reported as corrupt.
func (c *cache) download(path string, timeout time.Duration, consume func(io.Reader) error) bool {
	if !c.storeUsable() {
		return false
	}
	ctx, cancel, end := c.startTransfer(timeout)
	defer end()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+"/"+path, nil)
	if err != nil {
		c.failStore(err.Error())
		return false
	}
	c.authorize(req)
	res, err := c.client.Do(req)
	if err != nil {
		c.failRequest(ctx, err)
		return false
	}
	body := c.watch(res.Body, cancel)
	defer func() {
		// Read what is left of a short answer, so the connection serves the next request.
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		body.Close()
	}()
	if res.StatusCode == http.StatusNotFound {
		return false
	}
	if res.StatusCode != http.StatusOK {
		c.failStore("GET " + path + " answered " + res.Status)
		return false
	}
	err = consume(body)
	c.mu.Lock()
	c.bytesDown += body.moved
	c.mu.Unlock()
	switch {
	case body.err != nil:
		c.failRequest(ctx, body.err)
	case errors.Is(err, errRefused):
		c.noteCorrupt(path)
	}
	return err == nil && body.err == nil
}

// fetchSmall reads a short text of the store (an action record, a list) of at most limit bytes.
func (c *cache) fetchSmall(path string, limit int64, timeout time.Duration) ([]byte, bool) {
	var body []byte
	ok := c.download(path, timeout, func(in io.Reader) (err error) {
		body, err = io.ReadAll(io.LimitReader(in, limit))
		return err
	})
	return body, ok
}

// fetchAction reads an action record from the store; found is false on a miss or a failure.
func (c *cache) fetchAction(actionID string) (outputID string, size int64, found bool) {
	c.reads <- struct{}{}
	defer func() { <-c.reads }()
	record, ok := c.fetchSmall("v1/a/"+actionID, 256, c.timeout)
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

// fetchObject downloads an object into the local directory if, and only if, it hashes to its output ID: it
// streams into a temporary file beside its place, hashed on the way, and is renamed into place when right.
func (c *cache) fetchObject(outputID string, size int64) bool {
	c.reads <- struct{}{}
	defer func() { <-c.reads }()
	return c.download("v1/o/"+outputID, c.transferTimeout(size), func(body io.Reader) error {
		return c.writeObject(outputID, size, body)
	})
}

// transferTimeout allows an object 512 KiB/s on top of the store's timeout, bounded however large it is.
func (c *cache) transferTimeout(size int64) time.Duration {
	return c.timeout + time.Duration(size/(512<<10))*time.Second
}

func (c *cache) authorize(req *http.Request) {
	if c.username != "" || c.password != "" {
		req.SetBasicAuth(c.username, c.password)
	}
}
