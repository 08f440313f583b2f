package octane

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Input is checked before anything is sent. An identifier (a customer,
// service, order, pool or plan number) is never altered: one that cannot be
// sent as it is, is refused. Its value is not quoted in the error, since it
// may come from an earlier answer.

// checkID refuses an identifier that is empty or blank, "." or "..", not
// UTF-8, or that holds a control character (NUL, CR, LF, tab …) or a
// character XML cannot carry.
func checkID(op, field, v string) error {
	switch {
	case strings.TrimSpace(v) == "":
		return invalid(op, field, "is empty")
	case v == "." || v == "..":
		return invalid(op, field, "is a dot segment (%d dots)", len(v))
	case !utf8.ValidString(v):
		return invalid(op, field, "is not valid UTF-8")
	}
	for i, r := range v {
		if unicode.IsControl(r) || !xmlChar(r) {
			return invalid(op, field, "holds U+%04X at byte %d, which an identifier cannot", r, i)
		}
	}
	return nil
}

// checkPath refuses a raw call's path that does not start with '/', is not
// UTF-8, holds a control character, a space, '?' or '#' (the query is given
// apart), or a "." or ".." segment, escaped or not, which a server or proxy
// that cleans paths would resolve to another resource.
func checkPath(op, field, p string) error {
	switch {
	case !strings.HasPrefix(p, "/"):
		return invalid(op, field, "must start with '/'")
	case !utf8.ValidString(p):
		return invalid(op, field, "is not valid UTF-8")
	case strings.ContainsAny(p, "?#"):
		return invalid(op, field, "holds '?' or '#': give the query apart")
	}
	for i, r := range p {
		if unicode.IsControl(r) || r == ' ' {
			return invalid(op, field, "holds U+%04X at byte %d, which a path cannot", r, i)
		}
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if u, err := url.PathUnescape(seg); err == nil && (u == "." || u == "..") || seg == "." || seg == ".." {
			return invalid(op, field, "has a dot segment")
		}
	}
	return nil
}

// validXMLText reports whether s can be written as XML 1.0 character data.
func validXMLText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !xmlChar(r) {
			return false
		}
	}
	return true
}

// xmlChar reports a character XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
