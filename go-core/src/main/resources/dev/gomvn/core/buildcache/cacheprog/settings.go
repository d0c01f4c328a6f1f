package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
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
	// timeout bounds an answer (and, with a second per 512 KiB, a transfer); connectTimeout a connection
	// (with its TLS handshake); readTimeout a transfer in which no byte moves. 0: the timeout.
	timeout        time.Duration
	connectTimeout time.Duration
	readTimeout    time.Duration
	runDir         string
	// prefetchKey names the kind of build (64 hex digits) whose outputs are fetched ahead of go; empty: none.
	prefetchKey string
	// proxyLogins: the settings.xml proxy logins by proxy host:port, which go's environment leaves out.
	proxyLogins map[string]*url.Userinfo
}

// withDefaults: what is not set takes the timeout.
func (s settings) withDefaults() settings {
	if s.connectTimeout == 0 {
		s.connectTimeout = s.timeout
	}
	if s.readTimeout == 0 {
		s.readTimeout = s.timeout
	}
	return s
}

// storeFileVariable names the one-shot file with the store's URL and login (see readStoreFile).
const storeFileVariable = "GOMVN_CACHE_STORE_FILE"

func settingsFromEnvironment() (settings, error) {
	s := settings{
		dir:      os.Getenv("GOMVN_CACHE_DIR"),
		readOnly: os.Getenv("GOMVN_CACHE_READ_ONLY") == "true",
		timeout:  10 * time.Second,
		runDir:   os.Getenv("GOMVN_CACHE_RUN_DIR"),

		prefetchKey: os.Getenv("GOMVN_CACHE_PREFETCH_KEY"),
	}
	if err := s.readStoreFile(os.Getenv(storeFileVariable)); err != nil {
		return s, err
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
	for variable, value := range map[string]*time.Duration{
		"GOMVN_CACHE_TIMEOUT":         &s.timeout,
		"GOMVN_CACHE_CONNECT_TIMEOUT": &s.connectTimeout,
		"GOMVN_CACHE_READ_TIMEOUT":    &s.readTimeout,
	} {
		if text := os.Getenv(variable); text != "" {
			seconds, err := strconv.ParseFloat(text, 64)
			if err != nil || seconds <= 0 {
				return s, fmt.Errorf("%s is %q, not a positive number of seconds", variable, text)
			}
			*value = time.Duration(seconds * float64(time.Second))
		}
	}
	return s, nil
}

// readStoreFile takes the store's URL and login from the file gomvn wrote for this go run, and deletes it at
// once: go passes its environment to the tests and compilers it runs, so the login is never in it, and the
// file is gone before go runs anything (go waits for this program's first answer). Without the file (a go
// run by a test, which inherits the variable) the local directory alone answers.
func (s *settings) readStoreFile(name string) error {
	if name == "" {
		return nil
	}
	content, err := os.ReadFile(name)
	os.Remove(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %v", storeFileVariable, err)
	}
	var store struct {
		URL, Username, Password string
		ProxyLogins             []struct{ HostPort, Username, Password string }
	}
	if err := json.Unmarshal(content, &store); err != nil {
		return fmt.Errorf("%s %s: %v", storeFileVariable, name, err)
	}
	s.url, s.username, s.password = strings.TrimRight(store.URL, "/"), store.Username, store.Password
	for _, proxy := range store.ProxyLogins {
		if s.proxyLogins == nil {
			s.proxyLogins = map[string]*url.Userinfo{}
		}
		s.proxyLogins[proxy.HostPort] = url.UserPassword(proxy.Username, proxy.Password)
	}
	return nil
}
