package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestPutThenGetIsALocalHit(t *testing.T) {
	c := newTestCache(t, "")
	actionID := putContent(t, c, "compiled package")
	assertHit(t, c.get(actionID), "compiled package")
	if c.gets[hexOf(actionID)] != "local" {
		t.Fatalf("outcome %q, want local", c.gets[hexOf(actionID)])
	}
}

func TestAFreshAgentGetsWhatAnotherUploaded(t *testing.T) {
	s, url := newStore(t)
	actionID := putContent(t, newTestCache(t, url), "compiled package")
	if _, ok := s.files["/cache/v1/o/"+hexOf(sha256Of("compiled package"))]; !ok {
		t.Fatalf("store holds %v, want the object under v1/o/<output ID>", keys(s))
	}
	fresh := newTestCache(t, url)
	assertHit(t, fresh.get(actionID), "compiled package")
	if fresh.gets[hexOf(actionID)] != "store" || fresh.bytesDown == 0 {
		t.Fatalf("outcome %q with %d bytes down, want store and bytes", fresh.gets[hexOf(actionID)], fresh.bytesDown)
	}
	// The second time the local directory answers: no more requests.
	before := s.requests.Load()
	assertHit(t, fresh.get(actionID), "compiled package")
	if s.requests.Load() != before {
		t.Fatal("a local hit asked the store")
	}
}

func TestACorruptedObjectIsAMissAndNeverReachesGo(t *testing.T) {
	s, url := newStore(t)
	actionID := putContent(t, newTestCache(t, url), "the real output")
	s.files["/cache/v1/o/"+hexOf(sha256Of("the real output"))] = []byte("the poisoned one")
	fresh := newTestCache(t, url)
	if res := fresh.get(actionID); !res.Miss {
		t.Fatalf("want a miss, got %+v", res)
	}
	if len(fresh.corrupt) != 1 || fresh.corrupt[0] != "v1/o/"+hexOf(sha256Of("the real output")) {
		t.Fatalf("corrupt entries %v, want the object", fresh.corrupt)
	}
	if _, err := os.Stat(fresh.objectPath(hexOf(sha256Of("the real output")))); err == nil {
		t.Fatal("the poisoned object was kept in the local directory")
	}
	if !fresh.storeUsable() {
		t.Fatal("a corrupted entry must not give the whole store up")
	}
	// go then builds the output and puts it: the store is repaired.
	putContent(t, fresh, "the real output")
	if string(s.files["/cache/v1/o/"+hexOf(sha256Of("the real output"))]) != "the real output" {
		t.Fatal("the corrupted object was not replaced")
	}
}

func TestAnActionRecordNamingAnotherOutputIsAMiss(t *testing.T) {
	s, url := newStore(t)
	actionID := putContent(t, newTestCache(t, url), "the real output")
	s.files["/cache/v1/a/"+hexOf(actionID)] = []byte(hexOf(sha256Of("the real output")) + " 3\n")
	if res := newTestCache(t, url).get(actionID); !res.Miss {
		t.Fatalf("a record with the wrong size must be a miss, got %+v", res)
	}
	s.files["/cache/v1/a/"+hexOf(actionID)] = []byte("garbage\n")
	fresh := newTestCache(t, url)
	if res := fresh.get(actionID); !res.Miss || len(fresh.corrupt) != 1 {
		t.Fatalf("a garbled record must be a miss noted as corrupt, got %+v, %v", res, fresh.corrupt)
	}
}

func TestAnOutputOverTheStoresUploadLimitStaysLocalAndTheStoreStaysInUse(t *testing.T) {
	s, url := newStore(t)
	s.maxBody = 100
	c := newTestCache(t, url)
	large := putContent(t, c, strings.Repeat("x", 101))
	small := putContent(t, c, "small")
	if !c.storeUsable() {
		t.Fatal("a 413 gave the store up")
	}
	if len(c.tooLarge) != 1 || !strings.HasSuffix(c.tooLarge[0], " 101") {
		t.Fatalf("refused outputs %v", c.tooLarge)
	}
	fresh := newTestCache(t, url)
	assertHit(t, fresh.get(small), "small")
	if !fresh.get(large).Miss {
		t.Fatal("the refused output is in the store")
	}
}

func TestReadOnlyUploadsNothing(t *testing.T) {
	s, url := newStore(t)
	c := newTestCache(t, url)
	c.readOnly = true
	actionID := putContent(t, c, "local only")
	assertHit(t, c.get(actionID), "local only")
	if s.puts.Load() != 0 || c.bytesUp != 0 {
		t.Fatalf("%d PUTs, %d bytes up in read-only mode", s.puts.Load(), c.bytesUp)
	}
}

func TestAPutWhoseBodyDoesNotMatchItsOutputIDIsRefused(t *testing.T) {
	c := newTestCache(t, "")
	actionID, outputID := ids("announced")
	if res := c.put(request{ActionID: actionID, OutputID: outputID, BodySize: 5}, strings.NewReader("other")); res.Err == "" {
		t.Fatal("want an error")
	}
}

// buildOfKind is one go process of a build kind (same prefetch key) on an agent of its own: it asks for
// the outputs of contents (a put for those it has to build) and finishes as go's "close" makes it.

func TestEntriesUnusedForFiveDaysAreTrimmedOncePerDay(t *testing.T) {
	c := newTestCache(t, "")
	used := putContent(t, c, "used yesterday")
	unused := putContent(t, c, "unused for a week")
	week := time.Now().Add(-7 * 24 * time.Hour)
	for _, content := range []string{"used yesterday", "unused for a week"} {
		a, o := ids(content)
		os.Chtimes(c.actionPath(hexOf(a)), week, week)
		os.Chtimes(c.objectPath(hexOf(o)), week, week)
	}
	assertHit(t, c.get(used), "used yesterday") // marks it used now

	c.trim(time.Now())

	assertHit(t, c.get(used), "used yesterday")
	if res := c.get(unused); !res.Miss {
		t.Fatalf("an entry unused for a week survived the trim: %+v", res)
	}
	// Within a day of the last trim nothing is trimmed, however old.
	putContent(t, c, "old but recently trimmed")
	a, o := ids("old but recently trimmed")
	os.Chtimes(c.actionPath(hexOf(a)), week, week)
	os.Chtimes(c.objectPath(hexOf(o)), week, week)
	c.trim(time.Now())
	if _, err := os.Stat(c.objectPath(hexOf(o))); err != nil {
		t.Fatalf("trimmed twice within a day: %v", err)
	}
}
