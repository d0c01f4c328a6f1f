package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
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
