package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Outputs larger than this are not taken from a store's action record: a record claiming more is not ours.
const maxObjectSize = 4 << 30

func (c *cache) objectPath(outputID string) string {
	return filepath.Join(c.dir, "o", outputID[:2], outputID)
}

func (c *cache) actionPath(actionID string) string {
	return filepath.Join(c.dir, "a", actionID[:2], actionID)
}

func (c *cache) localEntry(actionID string) (string, int64, bool) {
	record, err := os.ReadFile(c.actionPath(actionID))
	if err != nil {
		return "", 0, false
	}
	outputID, size, err := parseActionRecord(record)
	if err != nil || !c.localObject(outputID, size) {
		return "", 0, false
	}
	markUsed(c.actionPath(actionID))
	markUsed(c.objectPath(outputID))
	return outputID, size, true
}

// Like go's own cache: an entry's modification time is when it was last used (give or take an hour, to
// spare the disk a write per hit), and entries unused for trimAge are deleted, at most once per trimInterval.
const (
	usedResolution = time.Hour
	trimAge        = 5 * 24 * time.Hour
	trimInterval   = 24 * time.Hour
	trimStamp      = "trim.txt"
)

func markUsed(name string) {
	now := time.Now()
	if info, err := os.Stat(name); err == nil && now.Sub(info.ModTime()) > usedResolution {
		os.Chtimes(name, now, now)
	}
}

// trim deletes what no build used for trimAge; objects go before the records that name them are gone,
// which is harmless: a record without its object is a miss.
func (c *cache) trim(now time.Time) {
	stamp := filepath.Join(c.dir, trimStamp)
	if info, err := os.Stat(stamp); err == nil && now.Sub(info.ModTime()) < trimInterval {
		return
	}
	writeFileAtomically(stamp, []byte(now.UTC().Format(time.RFC3339)+"\n"))
	for _, kind := range []string{"a", "o"} {
		filepath.WalkDir(filepath.Join(c.dir, kind), func(name string, entry os.DirEntry, err error) error {
			if err != nil || entry.IsDir() {
				return nil
			}
			if info, err := entry.Info(); err == nil && now.Sub(info.ModTime()) > trimAge {
				os.Remove(name)
			}
			return nil
		})
	}
}

// localObject: objects enter the local directory only verified, so the size is enough to see truncation.
func (c *cache) localObject(outputID string, size int64) bool {
	info, err := os.Stat(c.objectPath(outputID))
	return err == nil && info.Mode().IsRegular() && info.Size() == size
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func actionRecord(outputID string, size int64) []byte {
	return []byte(outputID + " " + strconv.FormatInt(size, 10) + "\n")
}

func parseActionRecord(record []byte) (string, int64, error) {
	fields := strings.Fields(string(record))
	if len(fields) != 2 {
		return "", 0, errors.New("not '<output ID> <size>'")
	}
	raw, err := hex.DecodeString(fields[0])
	if err != nil || len(raw) != sha256.Size {
		return "", 0, errors.New("output ID is not 64 hex digits")
	}
	size, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil || size < 0 || size > maxObjectSize {
		return "", 0, errors.New("size is not a number of bytes")
	}
	return strings.ToLower(fields[0]), size, nil
}

// writeFileAtomically: a reader (go, or another go process of a parallel build) sees all of it or nothing.
func writeFileAtomically(name string, content []byte) error {
	return writeAtomically(name, func(out io.Writer) error {
		_, err := out.Write(content)
		return err
	})
}

// writeObject streams an object into the local directory, hashed on the way: it takes its place only complete
// and with the SHA-256 it is named by. A body of another size or content is refused (errRefused).
func (c *cache) writeObject(outputID string, size int64, body io.Reader) error {
	return writeAtomically(c.objectPath(outputID), func(out io.Writer) error {
		hash := sha256.New()
		n, err := io.Copy(io.MultiWriter(out, hash), io.LimitReader(body, size+1))
		switch {
		case err != nil:
			return err
		case n > size:
			return fmt.Errorf("%w: more than the %d bytes announced", errRefused, size)
		case n < size:
			return fmt.Errorf("%w: %d bytes, not the %d announced", errRefused, n, size)
		case hex.EncodeToString(hash.Sum(nil)) != outputID:
			return fmt.Errorf("%w: its SHA-256 is not its output ID", errRefused)
		}
		return nil
	})
}

// writeAtomically fills a temporary file beside name and renames it into place, unless fill fails.
func writeAtomically(name string, fill func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	temp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	err = fill(temp)
	if closeErr := temp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(temp.Name(), name)
	}
	if err != nil {
		os.Remove(temp.Name())
	}
	return err
}

func randomSuffix() string {
	raw := make([]byte, 6)
	rand.Read(raw)
	return hex.EncodeToString(raw)
}
