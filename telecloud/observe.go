package telecloud

import (
	"bytes"
	"net/http"
)

// leadingTransID reads the trans_id attribute of an answer's root element
// (<telecloud trans_id="3132190"> or PHP's {"@attributes":{"trans_id":
// "3132190"}, …}) from the first bytes of the body, for the log line and the
// Observer's Attempt of the call, which are written before the answer is
// decoded. It returns "" for anything else: a trans_id is short and plain.
func leadingTransID(_ http.Header, body []byte) string {
	head := bytes.TrimLeft(body[:min(len(body), 512)], " \t\r\n")
	var attrs []byte // where the root's attributes are
	switch {
	case bytes.HasPrefix(head, []byte("{")):
		rest := bytes.TrimLeft(head[1:], " \t\r\n")
		rest, ok := bytes.CutPrefix(rest, []byte(`"@attributes"`))
		if !ok {
			return ""
		}
		rest = bytes.TrimLeft(rest, " \t\r\n:")
		end := bytes.IndexByte(rest, '}')
		if !bytes.HasPrefix(rest, []byte("{")) || end < 0 {
			return ""
		}
		attrs = rest[:end]
	case bytes.HasPrefix(head, []byte("<")):
		if bytes.HasPrefix(head, []byte("<?")) {
			end := bytes.Index(head, []byte("?>"))
			if end < 0 {
				return ""
			}
			head = bytes.TrimLeft(head[end+2:], " \t\r\n")
		}
		end := bytes.IndexByte(head, '>')
		if !bytes.HasPrefix(head, []byte("<")) || end < 0 {
			return ""
		}
		attrs = head[:end]
	default:
		return ""
	}
	i := -1
	for from := 0; ; {
		j := bytes.Index(attrs[from:], []byte("trans_id"))
		if j < 0 {
			return ""
		}
		i = from + j
		if i == 0 || !isNameByte(attrs[i-1]) {
			break
		}
		from = i + 1
	}
	rest := attrs[i+len("trans_id"):]
	rest = bytes.TrimPrefix(rest, []byte(`"`)) // JSON: the name's closing quote
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if len(rest) == 0 || (rest[0] != '=' && rest[0] != ':') {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 1 || end > 64 {
		return ""
	}
	v := rest[1 : 1+end]
	for _, c := range v {
		if !isNameByte(c) && c != '-' && c != '.' {
			return ""
		}
	}
	return string(v)
}

func isNameByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
