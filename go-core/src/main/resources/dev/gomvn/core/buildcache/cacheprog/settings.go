package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

type settings struct {
	dir      string
	url      string
	username string
	password string
	readOnly bool
	timeout  time.Duration
	runDir   string
	// prefetchKey names the kind of build (64 hex digits) whose outputs are fetched ahead of go; empty: none.
	prefetchKey string
}

func settingsFromEnvironment() (settings, error) {
	s := settings{
		dir:      os.Getenv("GOMVN_CACHE_DIR"),
		url:      strings.TrimRight(os.Getenv("GOMVN_CACHE_URL"), "/"),
		username: os.Getenv("GOMVN_CACHE_USERNAME"),
		password: os.Getenv("GOMVN_CACHE_PASSWORD"),
		readOnly: os.Getenv("GOMVN_CACHE_READ_ONLY") == "true",
		timeout:  10 * time.Second,
		runDir:   os.Getenv("GOMVN_CACHE_RUN_DIR"),

		prefetchKey: os.Getenv("GOMVN_CACHE_PREFETCH_KEY"),
	}
	if s.dir == "" {
		return s, errors.New("GOMVN_CACHE_DIR is not set")
	}
	if raw, err := hex.DecodeString(s.prefetchKey); s.prefetchKey != "" && (err != nil || len(raw) != sha256.Size) {
		return s, fmt.Errorf("GOMVN_CACHE_PREFETCH_KEY is %q, not 64 hex digits", s.prefetchKey)
	}
	// go needs absolute DiskPaths.
	dir, err := filepath.Abs(s.dir)
	if err != nil {
		return s, err
	}
	s.dir = dir
	if text := os.Getenv("GOMVN_CACHE_TIMEOUT"); text != "" {
		seconds, err := strconv.ParseFloat(text, 64)
		if err != nil || seconds <= 0 {
			return s, fmt.Errorf("GOMVN_CACHE_TIMEOUT is %q, not a positive number of seconds", text)
		}
		s.timeout = time.Duration(seconds * float64(time.Second))
	}
	return s, nil
}
