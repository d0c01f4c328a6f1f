// A registry far away, on loopback: a reverse proxy on -listen that holds every request -delay (50ms) before it
// passes it on to -to, as a registry across a WAN answers each round trip late. The Host header is kept, so the
// registry's Location headers name the proxy and uploads come back through it.
package main

import (
	"flag"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on")
	to := flag.String("to", "", "base URL of the registry, e.g. http://127.0.0.1:5000")
	delay := flag.Duration("delay", 50*time.Millisecond, "added to every request")
	flag.Parse()
	target, err := url.Parse(*to)
	if err != nil || target.Host == "" {
		log.Fatalf("-to %q: give the registry's base URL", *to)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	director := proxy.Director
	proxy.Director = func(r *http.Request) {
		host := r.Host
		director(r)
		r.Host = host
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(*delay)
		proxy.ServeHTTP(w, r)
	})
	log.Fatal(http.ListenAndServe(*listen, handler))
}
