package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestGeneratedFilesAreCurrent: the committed zz_*.gen.go files are byte
// for byte what the generator writes now from openapi.yml and config.yml,
// and no other zz_ file lies beside them. Run go generate ./alianza after
// changing either (or the generator).
func TestGeneratedFilesAreCurrent(t *testing.T) {
	const dir = "../.."
	files := generated(t)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./alianza)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./alianza", name)
		}
	}
	for _, sub := range []string{".", "alianzatest"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := filepath.Join(sub, e.Name())
			if strings.HasPrefix(e.Name(), "zz_") && files[filepath.Clean(name)] == nil {
				t.Errorf("%s is not written by the generator: remove it", name)
			}
		}
	}
}

// TestGenerateIsDeterministic: two runs write the same bytes (map order
// must not leak into the output).
func TestGenerateIsDeterministic(t *testing.T) {
	a := generated(t)
	b, err := Generate("../..")
	if err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

var (
	once    sync.Once
	onceOut map[string][]byte
	onceErr error
)

// generated is the generator's output, made once for the tests.
func generated(t *testing.T) map[string][]byte {
	t.Helper()
	once.Do(func() { onceOut, onceErr = Generate("../..") })
	if onceErr != nil {
		t.Fatal(onceErr)
	}
	return onceOut
}

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"sipTrunkId": "SIPTrunkID", "macAddress": "MACAddress", "SIP_TRUNK": "SIPTrunk", "e911Address": "E911Address",
		"callerIdName": "CallerIDName", "url": "URL", "911-address": "V911Address", "firstResultIndex": "FirstResultIndex",
	} {
		if got := goName(in); got != want {
			t.Errorf("goName(%q) = %q, want %q", in, got, want)
		}
	}
}
