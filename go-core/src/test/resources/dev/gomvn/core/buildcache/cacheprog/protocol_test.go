package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
