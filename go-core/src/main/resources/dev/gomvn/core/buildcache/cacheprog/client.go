package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The first go process of the build to give the store up leaves why in the run directory, for the build's one
// warning; the others see it and stop asking the store. A store given up as too slow (a request past its
// time, a stalled transfer, uploads that cannot keep pace) has its reason start with slowPrefix: its
// warning names the timeout that decided it.
const (
	storeFailedMarker = "store-failed"
	slowPrefix        = "slow: "
)

// newStoreClient talks to the store as gomvn's other downloads do: through the proxies gomvn gives go
// (settings.xml <proxies> as HTTP_PROXY, HTTPS_PROXY and NO_PROXY in go's environment, which this program
// inherits, with their logins from the store file), within the connect timeout, and refusing redirects that
// would expose the login.
func newStoreClient(s settings) *http.Client {
	dialer := &net.Dialer{Timeout: s.connectTimeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 s.proxy,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   s.connectTimeout,
		ResponseHeaderTimeout: s.timeout,
		MaxIdleConnsPerHost:   readSlots + uploadWorkers,
	}
	return &http.Client{Transport: transport, CheckRedirect: redirectPolicy}
}

// proxy is the proxy go's environment names for req, with the settings.xml login for it when gomvn gave one.
func (s settings) proxy(req *http.Request) (*url.URL, error) {
	proxy, err := http.ProxyFromEnvironment(req)
	if proxy == nil || err != nil || proxy.User != nil {
		return proxy, err
	}
	if login, found := s.proxyLogins[proxy.Host]; found {
		withLogin := *proxy
		withLogin.User = login
		return &withLogin, nil
	}
	return proxy, nil
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

// errStalled is why a transfer is cancelled that moved no byte for the read timeout.
var errStalled = errors.New("no data moved")

// startTransfer bounds one request: its deadline, and a cancel for a stall; end releases both.
func (c *cache) startTransfer(timeout time.Duration) (context.Context, context.CancelCauseFunc, func()) {
	stallable, cancel := context.WithCancelCause(c.storeContext)
	ctx, stop := context.WithTimeout(stallable, timeout)
	return ctx, cancel, func() {
		stop()
		cancel(nil)
	}
}

// watchedBody is a request's or an answer's body that cancels its transfer when no byte moved for the read
// timeout, counts what moved, and keeps the first error reading it (the store's, not the local disk's).
type watchedBody struct {
	io.ReadCloser
	stall *time.Timer
	every time.Duration
	moved int64
	err   error
	once  sync.Once
}

func (c *cache) watch(body io.ReadCloser, cancel context.CancelCauseFunc) *watchedBody {
	return &watchedBody{
		ReadCloser: body,
		stall:      time.AfterFunc(c.readTimeout, func() { cancel(errStalled) }),
		every:      c.readTimeout,
	}
}

func (w *watchedBody) Read(p []byte) (int, error) {
	n, err := w.ReadCloser.Read(p)
	w.moved += int64(n)
	w.stall.Reset(w.every)
	if err != nil && err != io.EOF && w.err == nil {
		w.err = err
	}
	return n, err
}

func (w *watchedBody) Close() error {
	w.once.Do(func() { w.stall.Stop() })
	return w.ReadCloser.Close()
}

// failRequest gives the store up for a request that failed: as too slow when it ran out of time.
func (c *cache) failRequest(ctx context.Context, err error) {
	cause := context.Cause(ctx)
	switch {
	case errors.Is(cause, errStalled):
		c.storeTooSlow(fmt.Sprintf("no data moved for %s, the read timeout (%v)", c.readTimeout, err))
	case errors.Is(cause, context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || os.IsTimeout(err):
		c.storeTooSlow("no answer within the timeout (" + err.Error() + ")")
	default:
		c.failStore(err.Error())
	}
}

// storeUsable is false once this process or another go process of the build gave the store up.
func (c *cache) storeUsable() bool {
	if c.url == "" || c.storeFailed.Load() {
		return false
	}
	if c.runDir != "" {
		if _, err := os.Stat(filepath.Join(c.runDir, storeFailedMarker)); err == nil {
			c.giveUp("")
			return false
		}
	}
	return true
}

func (c *cache) failStore(reason string) {
	c.giveUp(strings.TrimPrefix(reason, slowPrefix))
}

func (c *cache) storeTooSlow(reason string) {
	c.giveUp(slowPrefix + reason)
}

// giveUp stops every use of the store, cancelling the transfers in flight; the first process to give it up
// records why (an empty reason: another process did).
func (c *cache) giveUp(reason string) {
	if c.storeFailed.Swap(true) {
		return
	}
	c.cancelStore()
	if c.runDir == "" || reason == "" {
		return
	}
	marker, err := os.OpenFile(filepath.Join(c.runDir, storeFailedMarker), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return // another process was first
	}
	defer marker.Close()
	marker.WriteString(reason + "\n")
}
