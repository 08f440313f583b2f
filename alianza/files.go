package alianza

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ispkit/ispkit/internal/transport"
)

// The operations whose answer is a file rather than JSON (CSV reports and
// templates, greetings and voicemail audio, certificates, job input and
// output) and the multipart/form-data uploads share the two paths of this
// file. Both go through the client's own call path (send): the login and
// the one re-login on 401, the retry policy, the error mapping of any
// non-2xx answer, the scrubbing of the password and the token, and the
// response size cap (WithMaxResponseSize), which applies to a downloaded
// file as to any answer.

// File is a file the API answered: a report, a template, an audio message
// or greeting, a certificate.
type File struct {
	// ContentType is the answer's Content-Type as sent ("text/csv",
	// "audio/mpeg", "application/octet-stream; charset=…"); "" when none.
	ContentType string
	// Name is the file name of the answer's Content-Disposition, "" when
	// it has none, or one that is not a plain file name (a path separator,
	// a control character, "." or ".."): it is safe to join to a directory.
	Name string
	// Data is the whole body.
	Data []byte
}

// MediaType is ContentType without its parameters, lower case ("text/csv"),
// "" when there is none or it does not parse.
func (f *File) MediaType() string {
	if f == nil {
		return ""
	}
	mt, _, err := mime.ParseMediaType(f.ContentType)
	if err != nil {
		return ""
	}
	return mt
}

// UploadRequest is a file sent in a multipart/form-data upload.
type UploadRequest struct {
	// Name is the file name sent with the part (e.g. "greeting.wav"): not
	// empty, valid UTF-8, without a control character.
	Name string
	// ContentType of the part; "application/octet-stream" when empty.
	ContentType string
	// Data is the file's content: not empty.
	Data []byte
}

// A file's content can hold what must not be printed (a device line export
// carries SIP passwords), so File and UploadRequest print and log their
// name, content type and size only, whatever the verb.

func fileString(typ, name, contentType string, size int) string {
	return fmt.Sprintf("alianza.%s{Name: %q, ContentType: %q, Data: %d bytes}", typ, name, contentType, size)
}

// String implements fmt.Stringer without the content.
func (f *File) String() string {
	if f == nil {
		return "<nil>"
	}
	return fileString("File", f.Name, f.ContentType, len(f.Data))
}

// GoString implements fmt.GoStringer without the content.
func (f *File) GoString() string { return f.String() }

// Format prints String for every verb.
func (f *File) Format(st fmt.State, _ rune) { _, _ = io.WriteString(st, f.String()) }

// LogValue implements slog.LogValuer without the content.
func (f *File) LogValue() slog.Value {
	if f == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(slog.String("name", f.Name), slog.String("contentType", f.ContentType), slog.Int("size", len(f.Data)))
}

// String implements fmt.Stringer without the content.
func (u UploadRequest) String() string {
	return fileString("UploadRequest", u.Name, u.ContentType, len(u.Data))
}

// GoString implements fmt.GoStringer without the content.
func (u UploadRequest) GoString() string { return u.String() }

// Format prints String for every verb.
func (u UploadRequest) Format(st fmt.State, _ rune) { _, _ = io.WriteString(st, u.String()) }

// LogValue implements slog.LogValuer without the content.
func (u UploadRequest) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", u.Name), slog.String("contentType", u.ContentType), slog.Int("size", len(u.Data)))
}

// download sends cl and returns the 2xx answer as a File; any other status
// is the usual *Error (decode).
func (c *Client) download(ctx context.Context, cl call) (*File, error) {
	resp, err := c.send(ctx, cl, nil)
	if err != nil {
		return nil, err
	}
	return &File{ContentType: resp.Header.Get("Content-Type"), Name: dispositionName(resp.Header.Get("Content-Disposition")), Data: resp.Body}, nil
}

// dispositionName is the file name of a Content-Disposition header (its
// filename or filename* parameter, as mime decodes them), or "" when there
// is none or it is not a plain name: a server must not choose where a
// caller that joins it to a directory writes.
func dispositionName(h string) string {
	if h == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(h)
	if err != nil {
		return ""
	}
	name := params["filename"]
	if name == "." || name == ".." || strings.ContainsAny(name, `/\`) || textProblem(name) != "" {
		return ""
	}
	return name
}

// textProblem says why v cannot be sent in a header or a part's header:
// invalid UTF-8 or a control character (CR and LF would end the header
// and start another). "" when it can.
func textProblem(v string) string {
	if !utf8.ValidString(v) {
		return "is not valid UTF-8"
	}
	if strings.IndexFunc(v, unicode.IsControl) >= 0 {
		return "holds a control character"
	}
	return ""
}

// checkUpload refuses, before anything is sent, an upload without data or
// without a name that can be sent; field names the argument in the error.
func checkUpload(op, field string, u UploadRequest) error {
	switch {
	case len(u.Data) == 0:
		return invalid(op, field+".Data", "is empty")
	case strings.TrimSpace(u.Name) == "":
		return invalid(op, field+".Name", "is empty")
	}
	if reason := textProblem(u.Name); reason != "" {
		return invalid(op, field+".Name", "%q %s", u.Name, reason)
	}
	if reason := textProblem(u.ContentType); reason != "" {
		return invalid(op, field+".ContentType", "%q %s", u.ContentType, reason)
	}
	if u.ContentType != "" {
		if _, _, err := mime.ParseMediaType(u.ContentType); err != nil {
			return invalid(op, field+".ContentType", "%q is not a media type", u.ContentType)
		}
	}
	return nil
}

// formField is one text field of a multipart form.
type formField struct{ name, value string }

// formFile is the file part of a multipart form and its field name.
type formFile struct {
	field string
	file  UploadRequest
}

// quoteEscaper escapes a name for a quoted Content-Disposition parameter,
// as mime/multipart does for CreateFormFile.
var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// multipartBody encodes fields, in their order, then the files (checked by
// checkUpload) as a multipart/form-data body, and returns it with its
// Content-Type (boundary included). Empty fields are left out.
func multipartBody(fields []formField, files ...formFile) ([]byte, string, error) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, f := range fields {
		if f.value == "" {
			continue
		}
		if err := w.WriteField(f.name, f.value); err != nil {
			return nil, "", err
		}
	}
	for _, f := range files {
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", `form-data; name="`+quoteEscaper.Replace(f.field)+`"; filename="`+quoteEscaper.Replace(f.file.Name)+`"`)
		ct := f.file.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		h.Set("Content-Type", ct)
		pw, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		if _, err := pw.Write(f.file.Data); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return b.Bytes(), w.FormDataContentType(), nil
}

// upload sends cl with a multipart/form-data body of fields and files and
// decodes a JSON answer into out when out is not nil. An upload is a write:
// it is sent again only when it provably never reached the server (a
// connection that was not made), whatever its method, as a create is; a
// 429, 5xx or reset after it left is the caller's to retry (Error.RetryAfter).
func (c *Client) upload(ctx context.Context, cl call, fields []formField, files []formFile, out any) (*transport.Response, error) {
	cl.retry = transport.RetryUnsafe
	if len(fields) == 0 && len(files) == 0 {
		// Nothing to send (MediaFiles.Upload with a job upload key): no body.
		return c.send(ctx, cl, out)
	}
	body, ct, err := multipartBody(fields, files...)
	if err != nil {
		return nil, &ValidationError{Op: cl.op, Field: "body", Reason: "cannot be encoded as multipart/form-data", Err: err}
	}
	cl.raw, cl.contentType = body, ct
	return c.send(ctx, cl, out)
}

// checkIDs is checkID for pairs of field names and values, in order.
func checkIDs(op string, fieldsAndValues ...string) error {
	for i := 0; i+1 < len(fieldsAndValues); i += 2 {
		if err := checkID(op, fieldsAndValues[i], fieldsAndValues[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// notA is the ErrBadResponse of a 2xx answer that is not what the spec
// says (what: "a job"), with a scrubbed excerpt.
func notA(op string, resp *transport.Response, what string) error {
	return &Error{Op: op, HTTPStatus: resp.StatusCode,
		Err: fmt.Errorf("%w: the answer is not %s", ErrBadResponse, what), Body: resp.Excerpt(excerptSize)}
}
