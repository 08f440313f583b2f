package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/internal/wireshape"
	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/telecloud"
)

// maxCheckedBody is the most of one answer ispkit check reads for its shape.
const maxCheckedBody = 8 << 20

// answer is one answer as ispkit check keeps it: where it came from and its
// shape. The body itself is dropped once its shape is read.
type answer struct {
	Method, Path string
	Status       int
	MediaType    string
	Shape        shape
	ShapeErr     error
}

// recorder is an http.RoundTripper that keeps the shape of every answer.
type recorder struct {
	next    http.RoundTripper
	mu      sync.Mutex
	answers []answer
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	body, rerr := io.ReadAll(io.LimitReader(resp.Body, maxCheckedBody))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if rerr != nil {
		return resp, rerr
	}
	a := answer{Method: req.Method, Path: req.URL.Path, Status: resp.StatusCode}
	a.MediaType, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		a.Shape = newShape() // an empty answer (a 200 to a DELETE)
	case strings.Contains(a.MediaType, "json"):
		a.Shape, a.ShapeErr = jsonShape(body)
	case strings.Contains(a.MediaType, "xml"):
		a.Shape, a.ShapeErr = xmlShape(body)
	default:
		if a.Shape, a.ShapeErr = jsonShape(body); a.ShapeErr != nil {
			a.Shape, a.ShapeErr = xmlShape(body)
		}
	}
	r.mu.Lock()
	r.answers = append(r.answers, a)
	r.mu.Unlock()
	return resp, nil
}

// step is one call of a vendor's check.
type step struct {
	name  string
	write bool
	// creates marks the step of a write scenario that creates its test
	// object: when it fails, the scenario's other steps are skipped (there
	// is nothing to read or remove). Once it succeeded, every later step
	// runs, whatever the reads between give, so the removal always does.
	creates bool
	// skip, if set, says why the step is not run (a variable it needs is
	// not set).
	skip string
	// run makes the call; nil means it ended as expected (expectErr turns
	// an expected refusal into nil).
	run func(ctx context.Context) error
}

// checkTarget is a vendor's check: its calls, made through hc.
type checkTarget struct {
	// env lists the variables the check reads (for the report and the
	// error when some are missing).
	env   []string
	steps func(hc *http.Client, getenv func(string) string, tag string) ([]step, error)
}

func missing(getenv func(string) string, names ...string) error {
	var m []string
	for _, n := range names {
		if getenv(n) == "" {
			m = append(m, n)
		}
	}
	if len(m) > 0 {
		return fmt.Errorf("set %s", strings.Join(m, ", "))
	}
	return nil
}

// expectErr makes a step that succeeds when the call fails with target.
func expectErr(err, target error) error {
	if errors.Is(err, target) {
		return nil
	}
	if err == nil {
		return fmt.Errorf("succeeded, want a refusal matching %v", target)
	}
	return err
}

var checkTargets = map[string]checkTarget{
	"baicells": {
		env: []string{"BAICELLS_BASE_URL", "BAICELLS_CLOUD_KEY", "BAICELLS_USERNAME", "BAICELLS_PASSWORD"},
		steps: func(hc *http.Client, getenv func(string) string, tag string) ([]step, error) {
			c, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(getenv("BAICELLS_CLOUD_KEY")),
				Username: getenv("BAICELLS_USERNAME"), Password: baicells.NewSecret(getenv("BAICELLS_PASSWORD"))},
				baicells.WithBaseURL(getenv("BAICELLS_BASE_URL")), baicells.WithHTTPClient(hc), baicells.WithUserAgent("ispkit-check"))
			if err != nil {
				return nil, err
			}
			id := "ispkit-check-" + tag
			// A test IMSI: MCC 001, MNC 01 (the test network), then digits
			// from the tag. No live subscriber holds it.
			imsi := "00101" + digitsOf(tag, 10)
			day := time.Now().UTC().Truncate(time.Hour)
			usage := baicells.UsageRequest{IMSI: imsi, From: day.Add(-2 * time.Hour), To: day.Add(-time.Second)}
			return []step{
				{name: "Plans.List", run: func(ctx context.Context) error { _, err := c.Plans.List(ctx); return err }},
				{name: "Plans.ListBySpeed of a speed no plan has", run: func(ctx context.Context) error {
					_, err := c.Plans.ListBySpeed(ctx, baicells.Speed{Uplink: 9999, Downlink: 9999})
					return err
				}},
				{name: "Subscribers.QueryByIMSI of a test-network IMSI", run: func(ctx context.Context) error {
					_, err := c.Subscribers.QueryByIMSI(ctx, imsi)
					return err
				}},
				{name: "Usage.Hourly of a test-network IMSI", run: func(ctx context.Context) error {
					for _, err := range c.Usage.Hourly(ctx, usage) {
						if err != nil {
							return err
						}
					}
					return nil
				}},
				{name: "Usage.CDRs of a test-network IMSI", run: func(ctx context.Context) error {
					for _, err := range c.Usage.CDRs(ctx, usage) {
						if err != nil {
							return err
						}
					}
					return nil
				}},
				{name: "Subscribers.Get of an id that does not exist", run: func(ctx context.Context) error {
					_, err := c.Subscribers.Get(ctx, id+"-absent")
					return expectErr(err, baicells.ErrSubscriberNotFound)
				}},
				{name: "Subscribers.Create of a test subscriber", write: true, creates: true, run: func(ctx context.Context) error {
					return c.Subscribers.Create(ctx, baicells.Profile{ID: id, Name: "ispkit check (safe to delete)"})
				}},
				{name: "Subscribers.Get of the test subscriber", write: true, run: func(ctx context.Context) error {
					_, err := c.Subscribers.Get(ctx, id)
					return err
				}},
				{name: "Subscribers.Delete of the test subscriber", write: true, run: func(ctx context.Context) error {
					return c.Subscribers.Delete(ctx, id)
				}},
			}, nil
		},
	},
	"telecloud": {
		env: []string{"TELECLOUD_BASE_URL", "TELECLOUD_API_ID_KEY", "TELECLOUD_API_KEY"},
		steps: func(hc *http.Client, getenv func(string) string, tag string) ([]step, error) {
			c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(getenv("TELECLOUD_API_ID_KEY")),
				APIKey: telecloud.NewSecret(getenv("TELECLOUD_API_KEY"))},
				telecloud.WithBaseURL(getenv("TELECLOUD_BASE_URL")), telecloud.WithHTTPClient(hc), telecloud.WithUserAgent("ispkit-check"))
			if err != nil {
				return nil, err
			}
			var account string // the test customer's, for the steps after Create
			read := func(name string, f func(ctx context.Context) error) step { return step{name: name, run: f} }
			return []step{
				// The searches of the catalogue and the account's own
				// settings: small answers, whatever the account's size.
				read("CloudAccounts.Search", func(ctx context.Context) error {
					_, err := c.CloudAccounts.Search(ctx, telecloud.CloudAccountSearchRequest{})
					return err
				}),
				read("ProductGroups.Search", func(ctx context.Context) error {
					_, err := c.ProductGroups.Search(ctx, telecloud.ProductGroupSearchRequest{})
					return err
				}),
				read("Plans.Search", func(ctx context.Context) error {
					_, err := c.Plans.Search(ctx, telecloud.PlanSearchRequest{})
					return err
				}),
				read("UsageComponents.Search", func(ctx context.Context) error {
					_, err := c.UsageComponents.Search(ctx, telecloud.UsageComponentSearchRequest{})
					return err
				}),
				read("Promos.Search", func(ctx context.Context) error {
					_, err := c.Promos.Search(ctx, telecloud.PromoSearchRequest{})
					return err
				}),
				read("Modules.Search", func(ctx context.Context) error {
					_, err := c.Modules.Search(ctx, telecloud.ModuleSearchRequest{})
					return err
				}),
				read("Gateways.Search", func(ctx context.Context) error {
					_, err := c.Gateways.Search(ctx, telecloud.GatewaySearchRequest{})
					return err
				}),
				read("Users.Search", func(ctx context.Context) error {
					_, err := c.Users.Search(ctx, telecloud.UserSearchRequest{})
					return err
				}),
				read("Customers.Search of an account number that does not exist", func(ctx context.Context) error {
					_, err := c.Customers.Search(ctx, telecloud.CustomerSearchRequest{AccountNumber: "1" + strings.Repeat("0", 9)})
					return err
				}),
				{name: "Customers.Create of a test customer", write: true, creates: true, run: func(ctx context.Context) error {
					r, err := c.Customers.Create(ctx, telecloud.CustomerCreateRequest{FirstName: "ispkit", LastName: "check " + tag + " (safe to delete)"})
					if err == nil {
						account = r.AccountNumber
					}
					return err
				}},
				{name: "Customers.Search of the test customer", write: true, run: func(ctx context.Context) error {
					_, err := c.Customers.Search(ctx, telecloud.CustomerSearchRequest{AccountNumber: account})
					return err
				}},
				{name: "Orders.Search of the test customer", write: true, run: func(ctx context.Context) error {
					_, err := c.Orders.Search(ctx, telecloud.OrderSearchRequest{AccountNumber: account})
					return err
				}},
				{name: "PaymentMethods.Search of the test customer", write: true, run: func(ctx context.Context) error {
					_, err := c.PaymentMethods.Search(ctx, telecloud.PaymentMethodSearchRequest{AccountNumber: account})
					return err
				}},
				{name: "Customers.Delete of the test customer", write: true, run: func(ctx context.Context) error {
					_, err := c.Customers.Delete(ctx, telecloud.CustomerDeleteRequest{AccountNumber: account})
					return err
				}},
			}, nil
		},
	},
	"alianza": {
		env: []string{"ALIANZA_BASE_URL", "ALIANZA_USERNAME", "ALIANZA_PASSWORD"},
		steps: func(hc *http.Client, getenv func(string) string, tag string) ([]step, error) {
			c, err := alianza.New(alianza.Credentials{Username: getenv("ALIANZA_USERNAME"), Password: alianza.NewSecret(getenv("ALIANZA_PASSWORD"))},
				alianza.WithBaseURL(getenv("ALIANZA_BASE_URL")), alianza.WithHTTPClient(hc), alianza.WithUserAgent("ispkit-check"))
			if err != nil {
				return nil, err
			}
			var (
				id         string // the test account's, for the steps after Create
				deviceType string // the first device type's, for DeviceType
			)
			number := "ispkit-check-" + tag
			return []step{
				{name: "ReferenceData.DeviceTypes", run: func(ctx context.Context) error {
					dts, err := c.ReferenceData.DeviceTypes(ctx)
					if len(dts) > 0 {
						deviceType = dts[0].ID
					}
					return err
				}},
				{name: "ReferenceData.DeviceType of the first", run: func(ctx context.Context) error {
					if deviceType == "" {
						return nil // no device type: nothing to read
					}
					_, err := c.ReferenceData.DeviceType(ctx, deviceType)
					return err
				}},
				{name: "ReferenceData.TimeZones", run: func(ctx context.Context) error { _, err := c.ReferenceData.TimeZones(ctx); return err }},
				{name: "ReferenceData.Languages", run: func(ctx context.Context) error { _, err := c.ReferenceData.Languages(ctx); return err }},
				{name: "ReferenceData.CallingPlanProducts", run: func(ctx context.Context) error {
					_, err := c.ReferenceData.CallingPlanProducts(ctx, false)
					return err
				}},
				{name: "ReferenceData.InboundRatePlans", run: func(ctx context.Context) error {
					_, err := c.ReferenceData.InboundRatePlans(ctx)
					return err
				}},
				{name: "Accounts.Search for the test account's number (none before -write)", run: func(ctx context.Context) error {
					_, err := c.Accounts.Search(ctx, number)
					return err
				}},
				{name: "Accounts.Get of an id that does not exist", run: func(ctx context.Context) error {
					_, err := c.Accounts.Get(ctx, number+"-absent")
					return expectErr(err, alianza.ErrNotFound)
				}},
				{name: "Accounts.Create of a test account", write: true, creates: true, run: func(ctx context.Context) error {
					a, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: number, AccountName: "ispkit check (safe to delete)",
						AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
					if err == nil {
						id = a.ID
					}
					return err
				}},
				{name: "Accounts.Get of the test account", write: true, run: func(ctx context.Context) error {
					_, err := c.Accounts.Get(ctx, id)
					return err
				}},
				{name: "Accounts.Search for the test account", write: true, run: func(ctx context.Context) error {
					_, err := c.Accounts.Search(ctx, number)
					return err
				}},
				{name: "Users.List of the test account", write: true, run: func(ctx context.Context) error {
					_, err := c.Users.List(ctx, id)
					return err
				}},
				{name: "DeviceLines.List of the test account", write: true, run: func(ctx context.Context) error {
					_, err := c.DeviceLines.List(ctx, id, nil)
					return err
				}},
				{name: "Numbers.List of the test account", write: true, run: func(ctx context.Context) error {
					_, err := c.Numbers.List(ctx, id, nil)
					return err
				}},
				{name: "ProductPlans.List of the test account", write: true, run: func(ctx context.Context) error {
					_, err := c.ProductPlans.List(ctx, id)
					return err
				}},
				{name: "Accounts.Delete of the test account", write: true, run: func(ctx context.Context) error {
					return c.Accounts.Delete(ctx, id)
				}},
			}, nil
		},
	},
	"octane": {
		// OCTANE_POOL (optional) names a pool for the pool reads.
		env: []string{"OCTANE_SOAP_URL", "OCTANE_REST_URL", "OCTANE_USERNAME", "OCTANE_PASSWORD", "OCTANE_CUSTNO", "OCTANE_CONSUMERS"},
		steps: func(hc *http.Client, getenv func(string) string, tag string) ([]step, error) {
			c, err := octane.New(octane.Credentials{Username: getenv("OCTANE_USERNAME"), Password: octane.NewSecret(getenv("OCTANE_PASSWORD"))},
				octane.WithSOAPBaseURL(getenv("OCTANE_SOAP_URL")), octane.WithRESTBaseURL(getenv("OCTANE_REST_URL")),
				octane.WithHTTPClient(hc), octane.WithUserAgent("ispkit-check"))
			if err != nil {
				return nil, err
			}
			sn, _, _ := strings.Cut(getenv("OCTANE_CONSUMERS"), ",")
			custNo, poolSN := getenv("OCTANE_CUSTNO"), strings.TrimSpace(getenv("OCTANE_POOL"))
			var (
				lineSeqNo string
				pool      *octane.Pool
			)
			poolSkip := ""
			if poolSN == "" {
				poolSkip = "set OCTANE_POOL to an existing pool's service number"
			}
			return []step{
				{name: "Services.Detail of the first OCTANE_CONSUMERS service", run: func(ctx context.Context) error {
					d, err := c.Services.Detail(ctx, custNo, strings.TrimSpace(sn))
					if err == nil {
						lineSeqNo = d.LineSeqNo
					}
					return err
				}},
				{name: "Services.Balance of that service", run: func(ctx context.Context) error {
					if lineSeqNo == "" {
						return errors.New("Services.Detail gave no line sequence number")
					}
					_, err := c.Services.Balance(ctx, custNo, lineSeqNo)
					return err
				}},
				{name: "Pools.Lookup of OCTANE_POOL", skip: poolSkip, run: func(ctx context.Context) error {
					p, err := c.Pools.Lookup(ctx, custNo, poolSN)
					pool = p
					return err
				}},
				{name: "Pools.Get of OCTANE_POOL", skip: poolSkip, run: func(ctx context.Context) error {
					if pool == nil {
						return errors.New("Pools.Lookup found no pool")
					}
					_, err := c.Pools.Get(ctx, *pool)
					return err
				}},
			}, nil
		},
	},
}

// digitsOf turns a hex tag into n decimal digits (padded with zeros).
func digitsOf(tag string, n int) string {
	var b strings.Builder
	for _, r := range tag {
		if b.Len() == n {
			break
		}
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'a' && r <= 'f':
			b.WriteByte(byte('0' + (r-'a')%10))
		}
	}
	for b.Len() < n {
		b.WriteByte('0')
	}
	return b.String()
}

// verdict of one wire-table entry.
const (
	confirmed    = "confirmed"
	contradicted = "contradicted"
	notExercised = "not exercised"
)

// entryResult is what the answers said of one wire-table entry.
type entryResult struct {
	Entry      entry
	Verdict    string
	Answers    int
	Missing    []string // required paths absent, with the kinds wanted
	Mismatched []string // path: got kinds, want kinds
	Unexpected []string // paths neither required nor optional
	Unchecked  []string // paths under an array that was always empty
}

// compare checks every answer against the vendor's table.
func compare(table []entry, answers []answer) (results []entryResult, unmatched []answer) {
	// Each answer belongs to the first entry that matches it: a table
	// lists a literal path (account/search) before a pattern (account/{}).
	owner := make([]int, len(answers))
	for i, a := range answers {
		owner[i] = -1
		for j, e := range table {
			if e.Matches(a.Method, a.Path, a.Status) {
				owner[i] = j
				break
			}
		}
	}
	for j, e := range table {
		r := entryResult{Entry: e, Verdict: notExercised}
		for i, a := range answers {
			if owner[i] != j {
				continue
			}
			r.Answers++
			if e.MediaType != "" && a.MediaType != e.MediaType {
				r.Mismatched = append(r.Mismatched, fmt.Sprintf("Content-Type: %s, want %s", a.MediaType, e.MediaType))
			}
			if a.ShapeErr != nil {
				r.Mismatched = append(r.Mismatched, fmt.Sprintf("the answer (%s): %v", a.MediaType, a.ShapeErr))
				continue
			}
			compareShape(&r, e, a.Shape)
		}
		r.Missing, r.Mismatched = dedupe(r.Missing), dedupe(r.Mismatched)
		r.Unexpected, r.Unchecked = dedupe(r.Unexpected), dedupe(r.Unchecked)
		if r.Answers > 0 {
			r.Verdict = confirmed
			if len(r.Missing)+len(r.Mismatched) > 0 {
				r.Verdict = contradicted
			}
		}
		results = append(results, r)
	}
	for i, a := range answers {
		if owner[i] < 0 {
			unmatched = append(unmatched, a)
		}
	}
	return results, unmatched
}

// underEmptyArray reports whether path lies under an array the answer
// held with no element.
func underEmptyArray(s shape, path string) bool {
	for p := range s.Empty {
		if strings.HasPrefix(path, p+"[]") {
			return true
		}
	}
	return false
}

func kindOK(want string, got map[string]bool) bool {
	allowed := map[string]bool{}
	for _, k := range strings.Split(want, "|") {
		allowed[k] = true
	}
	if allowed[wireshape.KindAny] {
		return true
	}
	for k := range got {
		if !allowed[k] {
			return false
		}
	}
	return true
}

func compareShape(r *entryResult, e entry, s shape) {
	for path, want := range e.Required {
		got, ok := s.Kinds[path]
		switch {
		case !ok && underEmptyArray(s, path):
			r.Unchecked = append(r.Unchecked, printablePath(path))
		case !ok:
			r.Missing = append(r.Missing, fmt.Sprintf("%s (want %s)", printablePath(path), want))
		case !kindOK(want, got):
			r.Mismatched = append(r.Mismatched, fmt.Sprintf("%s: %s, want %s", printablePath(path), s.kinds(path), want))
		}
	}
	for path := range s.Kinds {
		if _, ok := e.Required[path]; ok {
			continue
		}
		if e.UnderAny(path) {
			continue
		}
		if want, ok := e.Optional[path]; ok {
			if !kindOK(want, s.Kinds[path]) {
				r.Mismatched = append(r.Mismatched, fmt.Sprintf("%s: %s, want %s", printablePath(path), s.kinds(path), want))
			}
			continue
		}
		r.Unexpected = append(r.Unexpected, fmt.Sprintf("%s (%s)", printablePath(path), s.kinds(path)))
	}
}

func dedupe(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// stepResult is how one call ended: ok, or the error's kind only (an error
// text can carry identifiers, so the report never prints it).
type stepResult struct {
	Name    string
	Skipped bool
	Why     string // why it was skipped
	OK      bool
	Kind    string
}

// errorKind classifies an error without its text.
func errorKind(err error) string {
	var (
		be *baicells.Error
		te *telecloud.Error
		ae *alianza.Error
		oe *octane.Error
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "the time limit ended"
	case errors.As(err, &be):
		return fmt.Sprintf("vendor error: HTTP %d, result_code %d", be.HTTPStatus, be.Code)
	case errors.As(err, &te):
		return fmt.Sprintf("vendor error: HTTP %d", te.HTTPStatus)
	case errors.As(err, &ae):
		return fmt.Sprintf("vendor error: HTTP %d", ae.HTTPStatus)
	case errors.As(err, &oe):
		return fmt.Sprintf("vendor error: HTTP %d", oe.HTTPStatus)
	}
	return fmt.Sprintf("%T", err)
}

// checkReport is everything the Markdown report prints.
type checkReport struct {
	Vendor    string
	Write     bool
	Steps     []stepResult
	Entries   []entryResult
	Unmatched []answer
}

// runCheck makes the vendor's calls and compares every answer with the
// vendor's wire table.
func runCheck(ctx context.Context, vendor string, write bool, getenv func(string) string, rt http.RoundTripper) (*checkReport, error) {
	t, ok := checkTargets[vendor]
	if !ok {
		return nil, fmt.Errorf("unknown vendor %q (baicells, telecloud, alianza, octane)", vendor)
	}
	if err := missing(getenv, t.env...); err != nil {
		return nil, err
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	rec := &recorder{next: rt}
	steps, err := t.steps(&http.Client{Transport: rec, Timeout: time.Minute}, getenv, hex.EncodeToString(b[:]))
	if err != nil {
		return nil, errors.New("the client refused its settings: check the variables' values")
	}
	rep := &checkReport{Vendor: vendor, Write: write}
	failedCreate := false
	for _, s := range steps {
		r := stepResult{Name: s.name}
		switch {
		case s.skip != "":
			r.Skipped, r.Why = true, s.skip
		case s.write && !write:
			r.Skipped, r.Why = true, "needs -write"
		case s.write && failedCreate:
			r.Skipped, r.Why = true, "the test object was not created"
		default:
			err := s.run(ctx)
			r.OK = err == nil
			if err != nil {
				r.Kind = errorKind(err)
				if s.creates {
					failedCreate = true
				}
			}
		}
		rep.Steps = append(rep.Steps, r)
	}
	rec.mu.Lock()
	answers := append([]answer(nil), rec.answers...)
	rec.mu.Unlock()
	rep.Entries, rep.Unmatched = compare(wireTables[vendor], answers)
	return rep, nil
}

// markdown renders the report: names, kinds and counts only.
func (r *checkReport) markdown(w io.Writer) {
	fmt.Fprintf(w, "# ispkit check %s\n\n", r.Vendor)
	mode := "read-only"
	if r.Write {
		mode = "read and a self-cleaning write scenario"
	}
	fmt.Fprintf(w, "Go %s, %s/%s; mode: %s. This report carries names, kinds and counts only: no value, identifier or secret.\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, mode)
	fmt.Fprintln(w, "## Calls")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| call | result |")
	fmt.Fprintln(w, "|---|---|")
	for _, s := range r.Steps {
		res := "ok"
		switch {
		case s.Skipped:
			res = "skipped (" + s.Why + ")"
		case !s.OK:
			res = "failed: " + s.Kind
		}
		fmt.Fprintf(w, "| %s | %s |\n", s.Name, res)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "## Wire table")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| entry | source | answers | verdict |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, e := range r.Entries {
		fmt.Fprintf(w, "| %s | %s | %d | %s |\n", e.Entry.Name, e.Entry.Source, e.Answers, e.Verdict)
	}
	for _, e := range r.Entries {
		if len(e.Missing)+len(e.Mismatched)+len(e.Unexpected)+len(e.Unchecked) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n### %s: %s\n\n", e.Entry.Name, e.Verdict)
		list := func(title string, xs []string) {
			for _, x := range xs {
				fmt.Fprintf(w, "- %s: `%s`\n", title, x)
			}
		}
		list("missing", e.Missing)
		list("type mismatch", e.Mismatched)
		list("unexpected", e.Unexpected)
		list("not checked (empty list)", e.Unchecked)
	}
	if len(r.Unmatched) > 0 {
		fmt.Fprintln(w, "\n## Answers no entry covers")
		fmt.Fprintln(w)
		for _, a := range r.Unmatched {
			fmt.Fprintf(w, "- %s `%s`: HTTP %d, %s, %d paths\n", a.Method, printableURLPath(a.Path), a.Status, a.MediaType, len(a.Shape.Kinds))
		}
	}
}

func runCheckCommand(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ispkit check", stderr, "usage: ispkit check [flags] <baicells|telecloud|alianza|octane>",
		"Calls the vendor at the endpoint and with the credentials in the quickstart's",
		"environment variables, compares every answer's shape with what the SDK expects,",
		"and prints a Markdown report of names, kinds and counts, never values, safe to",
		"paste into a public issue. By default it only reads. Octane's pool reads also",
		"need OCTANE_POOL, the service number of an existing pool. Exit 1 when an entry",
		"is contradicted or a call failed.")
	write := fs.Bool("write", false, "also run the self-cleaning write scenario (creates a test object marked ispkit check, reads it, removes it)")
	timeout := fs.Duration("timeout", 2*time.Minute, "time limit for the whole check")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	rep, err := runCheck(ctx, fs.Arg(0), *write, os.Getenv, http.DefaultTransport)
	if err != nil {
		fmt.Fprintf(stderr, "ispkit check: %v\n", err)
		return exitUsage
	}
	rep.markdown(stdout)
	for _, s := range rep.Steps {
		if !s.Skipped && !s.OK {
			return exitFail
		}
	}
	for _, e := range rep.Entries {
		if e.Verdict == contradicted {
			return exitFail
		}
	}
	return exitOK
}
