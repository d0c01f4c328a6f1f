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
	"strings"
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
		if errors.Is(err, io.EOF) {
			answering.Wait()
			return c.finish()
		}
		if err != nil {
			return fmt.Errorf("reading a request: %w", err)
		}
		if done, err := c.answer(req, lines, reply, &answering); done || err != nil {
			return err
		}
	}
}

// answer answers one request: gets beside each other, puts in turn (their bodies follow them on stdin).
func (c *cache) answer(req request, in *bufio.Reader, reply func(response), answering *sync.WaitGroup) (bool, error) {
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
		res, err := c.receivePut(req, in)
		if err != nil {
			return true, fmt.Errorf("reading the body of put %d: %w", req.ID, err)
		}
		res.ID = req.ID
		reply(res)
	case "close":
		answering.Wait()
		res := response{ID: req.ID}
		if err := c.finish(); err != nil {
			res.Err = err.Error()
		}
		reply(res)
		return true, nil
	default:
		reply(response{ID: req.ID, Err: "unknown command " + strconv.Quote(req.Command)})
	}
	return false, nil
}

// receivePut streams a put's body into the local directory, never all of it in memory: go puts outputs of
// hundreds of megabytes. The body follows the request as a JSON string of base64, decoded here as it comes
// (encoding/json would hold it whole and scan it byte by byte).
func (c *cache) receivePut(req request, in *bufio.Reader) (response, error) {
	if req.BodySize <= 0 {
		return c.put(req, strings.NewReader("")), nil
	}
	if err := skipToQuote(in); err != nil {
		return response{}, err
	}
	quoted := &quotedReader{in: in}
	res := c.put(req, base64.NewDecoder(base64.StdEncoding, quoted))
	// What put left (a body it refused) is read to its closing quote: the next request follows it.
	if _, err := io.Copy(io.Discard, quoted); err != nil {
		return res, err
	}
	return res, nil
}

// finish ends the build's use of the cache: go asks for nothing more, so the prefetch starts no more
// downloads (the few in flight complete, each bounded by its timeout); uploads complete, within their
// time, before the list that names them.
func (c *cache) finish() error {
	c.stopPrefetch()
	c.prefetching.Wait()
	c.drainUploads()
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

// skipToQuote reads up to the opening quote of a JSON string, past the blank space before it.
func skipToQuote(in *bufio.Reader) error {
	for {
		b, err := in.ReadByte()
		switch {
		case err != nil:
			return err
		case b == '"':
			return nil
		case b != ' ' && b != '\n' && b != '\r' && b != '\t':
			return errors.New("the body is not a JSON string")
		}
	}
}

// quotedReader reads a JSON string of base64 (which has no escapes) up to its closing quote, which it consumes.
type quotedReader struct {
	in   *bufio.Reader
	done bool
}

func (q *quotedReader) Read(p []byte) (int, error) {
	if q.done {
		return 0, io.EOF
	}
	if _, err := q.in.Peek(1); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, err
	}
	window, _ := q.in.Peek(min(q.in.Buffered(), len(p)))
	if end := bytes.IndexByte(window, '"'); end >= 0 {
		window, q.done = window[:end], true
		n := copy(p, window)
		q.in.Discard(end + 1)
		return n, nil
	}
	n := copy(p, window)
	q.in.Discard(n)
	return n, nil
}
