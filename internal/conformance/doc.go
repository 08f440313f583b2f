// Package conformance is a hostile-server test kit that every ispkit vendor
// client's tests run through an Adapter. It proves, for every operation of a
// client against the same matrix of server behaviours, the promises the
// project makes: secrets never show; a request that may have reached the
// server is not sent twice unless it is safe to repeat; redirects carry no
// credential to another host and, for anything but GET and HEAD, are the
// answer rather than followed; bad server output gives a clear, correctly
// classified error; nothing outlives its deadline; nothing panics; memory
// stays near the response-size cap.
//
// It is the independent oracle for those promises, so it shares no code with
// the project's own redaction (internal/transport): the spellings and the
// detector here are its own.
//
// # Use
//
// In a vendor package's _test.go files (package <vendor>_test):
//
//	func TestConformance(t *testing.T) {
//		conformance.Run(t, conformance.Adapter{
//			Vendor:      "baicells",
//			Secrets:     []string{key, password, basicToken},
//			Credentials: []string{key, password, basicToken},
//			New: func(env conformance.Env) (any, error) {
//				return baicells.New(creds, baicells.WithBaseURL(env.BaseURL),
//					baicells.WithHTTPClient(env.HTTPClient), baicells.WithLogger(env.Logger),
//					baicells.WithRetry(baicells.RetryPolicy(env.Retry)), …)
//			},
//			Ops:       ops, // every exported operation; see Uncovered
//			Unsafe:    func(r *http.Request, body []byte) bool { … },
//			Envelopes: envelopes,
//			Classify:  conformance.Classifier{IsBadResponse: …, IsRedirect: …, …},
//			Printables: []any{creds, client},
//		})
//	}
//
// Build secrets with Secret(tag): they hold the characters every escaping
// scheme treats differently. New gets a fresh Env for every call and must
// build a fresh client from it; a vendor with two roots (Octane's SOAP and
// REST) puts both under Env.BaseURL. Login answers session set-up requests
// (e.g. POST /v2/authorize) so that the hostile answer reaches the operation;
// the tokens it hands out belong in Secrets. Assert that Uncovered(ops, …)
// is empty for every service so that a new method cannot be forgotten. Do
// not call t.Parallel in the test that calls Run.
//
// # Servers
//
// Each op gets four servers, shared by its calls, each call under its own
// path prefix (/k<id>, part of Env.BaseURL; Login and Unsafe see paths
// without it): the origin (HTTP on 127.0.0.1), an HTTPS origin (its
// certificate trusted by Env.HTTPClient), another host (127.0.0.2; all of
// 127/8 is loopback on Linux: where it cannot be listened on, the scenarios
// that need it are skipped with that reason) and the origin's host on another
// port. The last two record every byte they receive. Each call has its own
// transport, so a connection belongs to one call.
//
// # Scenarios
//
// Every scenario runs against every op; with E envelopes there are 3E+35 of
// them (ScenarioNames lists them).
//
// Echo (3E+8): the server echoes every part of the request it received
// (method, URL as sent, host, decoded path segments and query values, every
// header name and value, the raw body and its decoded values: form values,
// JSON keys and strings, XML text and attributes), every part that holds a
// secret in every spelling (see Spellings), the others as they are:
//   - echo-<envelope>: inside each of the adapter's envelopes;
//   - cut-field-<envelope>, cut-body-<envelope>, cut-plain-200: with padding
//     before the echo so that a secret straddles bytes 40, 80, 256 and 512,
//     counted in the field's text and in the whole body;
//   - echo-html-500, echo-plain-200, echo-json-502: an HTML error page, a
//     plain-text 200, a JSON 502;
//   - status-reason: in the status line's reason phrase (HTTP/1.1 500 <echo>);
//   - status-malformed: as a malformed status line, which net/http quotes;
//   - location-302: in a parseable Location of a 302 back to the origin;
//   - location-bad: in an unparseable Location ("failed to parse Location
//     header" quotes it).
//
// Redirects (15): 301, 302, 303, 307 and 308 to another host, to the same
// host on another port, and from the HTTPS origin to HTTP. The targets answer
// with the first envelope, echoing what they received.
//
// Failures (5): reset (the connection is reset once the request is read),
// rate-limited-429 (Retry-After: 7), status-502, status-503, status-504.
//
// Bodies (7): drip (a 200 that drips a byte every 50 ms forever; deadline
// 1 s), truncated (Content-Length larger than what is sent, then close),
// endless (a 200 body that never ends), gzip-bomb (Content-Encoding: gzip,
// 200 MiB of zeros, built once), oversize-200 (4 MiB over a 1 MiB cap),
// oversize-500 (an error page over 3 MiB), lying-length (declares 30 MiB,
// sends 10 bytes, closes; the client's default cap).
//
// # Assertions
//
// For every op × scenario:
//
//  1. Leaks: no fragment of 4 or more bytes of any secret (fragments cut at
//     rune boundaries), in any spelling, in err.Error(), in each error of the
//     unwrap chain (Unwrap() error and Unwrap() []error, depth first), in fmt's
//     %v %+v %#v %s %q of the error, or in the output of the debug-level slog
//     text and JSON handlers behind Env.Logger (the error is logged through
//     both too). A secret made of digits only (a card number, a PIN) is
//     checked whole: four-digit runs occur in ports, lengths and ids by
//     chance. Chance is removed before checking: the handlers drop the time
//     and any duration attribute, the servers' host:port strings become
//     HOST:PORT (the echo too), and New must make session ids deterministic.
//  2. Off-host credentials: no credential (Adapter.Credentials, every
//     spelling, 4-byte fragments) in any byte another host or port received.
//  3. Redirects: for anything but GET and HEAD a redirect is not followed
//     (no request reaches the redirect's target) and the call's error
//     satisfies Classify.IsRedirect.
//  4. Duplicates: no request for which Adapter.Unsafe holds (all but GET and
//     HEAD when it is nil) arrives twice (same method, URL and body) at any
//     server.
//  5. Hangs: every call returns within its context deadline (2 s; 1 s for the
//     slow scenarios) plus 1 s.
//  6. Panics: recovered and reported with the op and scenario.
//  7. Classification: truncated, oversize, endless, gzip-bomb, lying-length
//     and malformed-status answers satisfy IsBadResponse (a garbage 200 too,
//     when it is an error); 5xx pages IsServerError; 429 IsRateLimited with
//     Classify.RetryAfter giving 7 s; the drip's error is
//     errors.Is(err, context.DeadlineExceeded) (and IsTimeout when set);
//     an envelope's Expect holds. A nil predicate a check needs fails it.
//  8. Memory: the oversize, endless, gzip-bomb and lying-length calls run one
//     at a time and runtime.MemStats.TotalAlloc across the call stays within
//     3 × max(cap, 1 MiB) + 1 MiB (4 MiB for the lying length, so nothing is
//     allocated from a declared length). Under the race detector, which
//     changes TotalAlloc and makes large bodies slow, they are skipped.
//
// Besides, every call must send at least one request other than a login
// ("sent nothing"): an op refused by local validation would pass everything
// without testing anything.
//
// The printing sweep prints every Adapter.Printables value through fmt's
// %v %+v %#v %s %q %x %X %d, bare, behind a pointer, in a slice of values
// and one of pointers, as a map value, in a struct field by value and by
// pointer, through slog's text and JSON handlers (bare, in a slice, in a
// struct) and json.Marshal, and looks for the secrets in the output.
//
// # Spellings
//
// A fragment is looked for raw, Go-quoted (%q's inside), QuoteToASCII'd,
// url.QueryEscape'd, url.PathEscape'd, both with lower-case hex,
// percent-encoded whole (upper and lower hex), JSON-escaped with and without
// HTML escaping and PHP-style (\/ and \uXXXX), html.EscapeString'd,
// xml.EscapeText'd, with named (&quot; &apos;) and hex (&#x22;) entities, in
// hex, and each of those quoted again by Go or JSON (a log handler quoting an
// escaped secret); in base64, standard and URL, it is the characters the
// fragment alone determines at each of the three alignments.
//
// # Reports
//
// Failures are reported in subtests scenario/op, each naming the op, the
// scenario, where (err.Error(), unwrap chain[i] (type), fmt verb, slog text
// or JSON handler, the off-host target), which secret (its index in Secrets
// or Credentials), which bytes of it and in which spelling, with a short
// context window in which every secret is masked as «secret»: no test
// output shows a secret. Run ends with a summary table (t.Log): per
// scenario the calls made, the calls with each kind of finding, the slowest
// call and the most a call allocated, then totals.
//
// # Speed
//
// The slow scenarios' calls run first, all at once; the others on two
// workers per CPU; the memory ones alone. Env.Retry has tiny waits
// (DefaultRetry): adapters must pass it to the client. The gzip bomb is built
// once. About 4 s for an 80-op client without the race detector, 8–25 s with
// it, on 2 cores.
package conformance
