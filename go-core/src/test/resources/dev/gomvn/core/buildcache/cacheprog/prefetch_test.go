package main

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func buildOfKind(t *testing.T, url, key string, contents ...string) *cache {
	t.Helper()
	c := newTestCache(t, url)
	c.prefetchKey = key
	c.startPrefetch()
	for _, content := range contents {
		actionID, _ := ids(content)
		if res := c.get(actionID); res.Miss {
			putContent(t, c, content)
		}
	}
	if err := c.finish(); err != nil {
		t.Fatal(err)
	}
	return c
}

var kindKey = strings.Repeat("ab", 32)

func TestAFreshAgentFetchesWhatTheLastBuildOfItsKindUsedBeforeGoAsks(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a", "fmt.a", "main.a")
	list := string(s.files["/cache/v1/m/"+kindKey])
	if !strings.HasPrefix(list, manifestHeader+"\n") || strings.Count(list, "\n") != 4 {
		t.Fatalf("the store's list for the kind is %q, want the header and 3 outputs", list)
	}
	fresh := newTestCache(t, url)
	fresh.prefetchKey = kindKey
	fresh.startPrefetch()
	fresh.prefetching.Wait()
	// Everything is local before go's first request: go's requests cost no round trip.
	before := s.requests.Load()
	for _, content := range []string{"runtime.a", "fmt.a", "main.a"} {
		actionID, _ := ids(content)
		assertHit(t, fresh.get(actionID), content)
		if fresh.gets[hexOf(actionID)] != "store" {
			t.Fatalf("%s counted %q, want store: it came from the store in this build", content, fresh.gets[hexOf(actionID)])
		}
	}
	if s.requests.Load() != before {
		t.Fatalf("go's requests asked the store %d times after the prefetch", s.requests.Load()-before)
	}
}

func TestAnUnchangedListIsNotUploadedAgainAndAChangedOneIs(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a", "main.a")
	puts := s.puts.Load()
	buildOfKind(t, url, kindKey, "runtime.a", "main.a")
	buildOfKind(t, url, kindKey, "main.a")
	if s.puts.Load() != puts {
		t.Fatalf("builds that used what the list names uploaded %d times", s.puts.Load()-puts)
	}
	buildOfKind(t, url, kindKey, "runtime.a", "main.a changed")
	list := string(s.files["/cache/v1/m/"+kindKey])
	if !strings.Contains(list, hexOf(sha256Of("main.a changed"))) || strings.Contains(list, hexOf(sha256Of("main.a"))+" ") {
		t.Fatalf("the list after a changed build is %q, want the new output instead of the old", list)
	}
}

func TestTheListNamesWhatGoAskedForNotWhatItOnlyPut(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	c.prefetchKey = kindKey
	asked, _ := ids("main.a")
	c.get(asked)
	putContent(t, c, "main.a")
	putContent(t, c, "vet config nobody asks for")
	c.finish()
	list := string(s.files["/cache/v1/m/"+kindKey])
	if !strings.Contains(list, hexOf(asked)) || strings.Count(list, "\n") != 2 {
		t.Fatalf("the list is %q, want the header and main.a only", list)
	}
}

func TestAListNamingACorruptedObjectGivesGoAMissNotTheObject(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a")
	s.files["/cache/v1/o/"+hexOf(sha256Of("runtime.a"))] = []byte("poisoned!")
	fresh := newTestCache(t, url)
	fresh.prefetchKey = kindKey
	fresh.startPrefetch()
	fresh.prefetching.Wait()
	actionID, _ := ids("runtime.a")
	if res := fresh.get(actionID); !res.Miss || len(fresh.corrupt) != 1 {
		t.Fatalf("want a miss and one corrupt entry, got %+v and %v", res, fresh.corrupt)
	}
}

func TestAGarbledListIsReportedAndGoStillGetsEachOutput(t *testing.T) {
	s, url := newStore(t)
	buildOfKind(t, url, kindKey, "runtime.a")
	for _, garbled := range []string{"<html>proxy error</html>", manifestHeader + "\nnot-an-action 1\n"} {
		s.files["/cache/v1/m/"+kindKey] = []byte(garbled)
		fresh := newTestCache(t, url)
		fresh.prefetchKey = kindKey
		fresh.startPrefetch()
		<-fresh.listLoaded
		actionID, _ := ids("runtime.a")
		assertHit(t, fresh.get(actionID), "runtime.a")
		if len(fresh.corrupt) != 1 || !strings.HasPrefix(fresh.corrupt[0], "v1/m/"+kindKey) {
			t.Fatalf("corrupt entries %v, want the list", fresh.corrupt)
		}
	}
}

func TestReadOnlyAgentsUseTheListButNeverWriteIt(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	c.readOnly = true
	c.prefetchKey = kindKey
	putContent(t, c, "local only")
	c.finish()
	if _, ok := s.files["/cache/v1/m/"+kindKey]; ok || s.puts.Load() != 0 {
		t.Fatalf("a read-only agent wrote %v", keys(s))
	}
}

func TestFinishingStopsThePrefetchWithoutBlamingTheStore(t *testing.T) {
	s, url := newStore(t)
	var contents []string
	for i := 0; i < 40; i++ {
		contents = append(contents, "package "+strconv.Itoa(i))
	}
	buildOfKind(t, url, kindKey, contents...)
	s.delay = time.Second
	fresh := newTestCache(t, url)
	fresh.prefetchKey = kindKey
	fresh.readOnly = true
	fresh.startPrefetch()
	time.Sleep(150 * time.Millisecond)
	started := time.Now()
	if err := fresh.finish(); err != nil {
		t.Fatal(err)
	}
	// 40 outputs by 4 workers at a second each would take 10 s; the build is over, so only those in flight are waited for.
	if elapsed := time.Since(started); elapsed > 3*time.Second {
		t.Fatalf("finishing waited %v for a prefetch nobody needs", elapsed)
	}
	if !fresh.storeUsable() {
		t.Fatal("stopping the prefetch marked the store failed")
	}
}

// TestProtocol speaks to serve() as the go command does: handshake, put with a base64 body, get, close.
