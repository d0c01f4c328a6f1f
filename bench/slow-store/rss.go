package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"time"
)

type request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type response struct {
	ID       int64
	Err      string
	Miss     bool
	DiskPath string
	Size     int64
}

// rss puts an object into the cache program (which uploads it to the store), then, with an empty local
// directory, gets it back from the store: each run under GNU time, whose maximum resident set is printed.
func rss(args []string) {
	flags := flag.NewFlagSet("rss", flag.ExitOnError)
	program := flags.String("program", "", "the cache program")
	storeURL := flags.String("store", "", "the store's URL")
	size := flags.Int64("size", 1<<30, "object size in bytes")
	work := flags.String("work", os.TempDir(), "where local directories go")
	flags.Parse(args)
	hash := sha256.New()
	io.Copy(hash, &pattern{left: *size})
	outputID := hash.Sum(nil)
	actionID := sha256.Sum256([]byte(fmt.Sprint("bench object of ", *size)))
	for _, step := range []string{"put", "get"} {
		started := time.Now()
		kib, answer := runOnce(*program, *storeURL, filepath.Join(*work, step), step, actionID[:], outputID, *size)
		fmt.Printf("%s of %d MiB: max RSS %d MiB, %.1f s, answer %s\n", step, *size>>20, kib>>10,
			time.Since(started).Seconds(), answer)
	}
}

func runOnce(program, storeURL, dir, step string, actionID, outputID []byte, size int64) (int64, string) {
	os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "run"), 0o755)
	storeFile := filepath.Join(dir, "store.json")
	os.WriteFile(storeFile, []byte(`{"url":"`+storeURL+`"}`), 0o600)
	cmd := exec.Command("/usr/bin/time", "-v", program)
	cmd.Env = append(os.Environ(), "GOMVN_CACHE_DIR="+filepath.Join(dir, "local"), "GOMVN_CACHE_RUN_DIR="+filepath.Join(dir, "run"),
		"GOMVN_CACHE_STORE_FILE="+storeFile, "GOMVN_CACHE_TIMEOUT=10")
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	timeReport, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	answers := make(chan []byte, 1)
	go func() {
		all, _ := io.ReadAll(out)
		answers <- all
	}()
	toProgram := bufio.NewWriterSize(in, 1<<20)
	send := func(req request) {
		line, _ := json.Marshal(req)
		toProgram.Write(append(line, '\n'))
	}
	if step == "put" {
		send(request{ID: 1, Command: "put", ActionID: actionID, OutputID: outputID, BodySize: size})
		toProgram.WriteString(`"`)
		encoder := base64.NewEncoder(base64.StdEncoding, toProgram)
		io.Copy(encoder, &pattern{left: size})
		encoder.Close()
		toProgram.WriteString("\"\n")
	} else {
		send(request{ID: 1, Command: "get", ActionID: actionID})
	}
	send(request{ID: 2, Command: "close"})
	toProgram.Flush()
	in.Close()
	report, _ := io.ReadAll(timeReport)
	cmd.Wait()
	if answered := <-answers; regexp.MustCompile(`"Err":`).Match(answered) {
		panic("the cache program answered an error:\n" + string(answered))
	}
	match := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`).FindSubmatch(report)
	if match == nil {
		panic("no GNU time report:\n" + string(report))
	}
	var kib int64
	fmt.Sscan(string(match[1]), &kib)
	stats, _ := filepath.Glob(filepath.Join(dir, "run", "stats-*.txt"))
	summary := "(no statistics)"
	if len(stats) == 1 {
		text, _ := os.ReadFile(stats[0])
		summary = string(regexp.MustCompile(`get [0-9a-f]+ `).ReplaceAll(text, []byte("get ")))
	}
	return kib, fmt.Sprintf("%q", summary)
}
