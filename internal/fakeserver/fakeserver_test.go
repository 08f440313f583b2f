package fakeserver

import "testing"

func TestTrimPath(t *testing.T) {
	for in, want := range map[string]string{"/": "/", "": "", "/a/": "/a", "/a": "/a", "/a//": "/a/"} {
		if got := TrimPath(in); got != want {
			t.Errorf("TrimPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShutdown(t *testing.T) {
	var s Shutdown
	done := s.Done()
	select {
	case <-done:
		t.Fatal("closed before Close")
	default:
	}
	s.Close()
	s.Close() // a second Close does nothing
	select {
	case <-done:
	default:
		t.Fatal("Done not closed by Close")
	}
	var fresh Shutdown
	fresh.Close() // Close before Done
	<-fresh.Done()
}
