package main

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/alianza/alianzatest"
	"github.com/ispkit/ispkit/baicells/baicellstest"
	"github.com/ispkit/ispkit/octane/octanetest"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

//go:embed console.html
var consoleFS embed.FS

var consolePage = template.Must(template.ParseFS(consoleFS, "console.html"))

// logSize is how many requests the console keeps.
const logSize = 200

// logEntry is one request to a vendor API as the console shows it: no
// header, no body and no query string, so no credential can reach it (the
// TeleCloud keys travel in the query; every other secret in a header or a
// body).
type logEntry struct {
	Time     time.Time
	Vendor   string
	Method   string
	Path     string
	Status   int
	Duration time.Duration
}

// requestLog is a ring of the last logSize entries.
type requestLog struct {
	mu      sync.Mutex
	entries []logEntry
	next    int
	total   int
}

func (l *requestLog) add(e logEntry) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) < logSize {
		l.entries = append(l.entries, e)
	} else {
		l.entries[l.next] = e
	}
	l.next = (l.next + 1) % logSize
	l.total++
}

// newestFirst returns the entries, newest first.
func (l *requestLog) newestFirst() []logEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]logEntry, 0, len(l.entries))
	for i := 1; i <= len(l.entries); i++ {
		out = append(out, l.entries[(l.next-i+len(l.entries))%len(l.entries)])
	}
	return out
}

// statusWriter records the status a fake answered. It passes Hijack on, as
// the fakes' dropped-connection fault needs it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, fmt.Errorf("ispkit sandbox: connection cannot be hijacked")
	}
	return hj.Hijack()
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// table is one state table of the console.
type table struct {
	Title   string
	Columns []string
	Rows    [][]string
}

// vendorView is one vendor's part of the console.
type vendorView struct {
	Key    string // path prefix without the slash
	Name   string
	Env    []envVar
	Tables []table
}

// consoleData is what console.html renders.
type consoleData struct {
	Vendors []vendorView
	Log     []logEntry
	Total   int
	Message string
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// tables renders a vendor's state. Only fields that are not secret are
// shown: no password, SIP password or key.
func (sb *sandbox) tables(key string) []table {
	f := sb.fakes()
	switch key {
	case "baicells":
		subs := table{Title: "Subscribers", Columns: []string{"sub_id", "name", "IMSI", "plan", "active"}}
		for _, s := range f.baicells.Subscribers() {
			subs.Rows = append(subs.Rows, []string{s.ID, s.Name, s.IMSI, s.PlanID, yesNo(s.Active)})
		}
		plans := table{Title: "Plans", Columns: []string{"id", "name", "uplink MB", "downlink MB"}}
		for _, p := range f.baicells.Plans() {
			plans.Rows = append(plans.Rows, []string{p.ID, p.Name, strconv.Itoa(p.Uplink), strconv.Itoa(p.Downlink)})
		}
		return []table{subs, plans}
	case "telecloud":
		cust := table{Title: "Customers", Columns: []string{"account", "cloud account", "name", "status", "credit"}}
		for _, c := range f.telecloud.Customers() {
			cust.Rows = append(cust.Rows, []string{c.AccountNumber, c.CloudAccount, c.FirstName + " " + c.LastName, strconv.Itoa(c.Status), c.Credit})
		}
		orders := table{Title: "Orders", Columns: []string{"order", "account", "rate plan", "status"}}
		for _, o := range f.telecloud.Orders() {
			orders.Rows = append(orders.Rows, []string{o.Number, o.AccountNumber, o.RatePlanID, o.Status})
		}
		return []table{cust, orders}
	case "alianza":
		accts := table{Title: "Accounts", Columns: []string{"id", "number", "name", "status"}}
		lines := table{Title: "SIP lines", Columns: []string{"id", "account", "device", "SIP username", "line"}}
		for _, a := range f.alianza.Accounts() {
			accts.Rows = append(accts.Rows, []string{a.ID, a.AccountNumber, a.AccountName, a.Status})
			for _, d := range f.alianza.DeviceLines(a.ID) {
				lines.Rows = append(lines.Rows, []string{d.ID, a.ID, d.DeviceName, d.SIPUsername, strconv.Itoa(d.LineNumber)})
			}
		}
		return []table{accts, lines}
	case "octane":
		pools := table{Title: "Pools", Columns: []string{"service", "provider id", "name", "status", "consumers"}}
		for _, p := range f.octane.Pools() {
			pools.Rows = append(pools.Rows, []string{p.ServiceNumber, p.ProviderID, p.Name, p.Status, strings.Join(p.Consumers, ", ")})
		}
		orders := table{Title: "Orders", Columns: []string{"id", "action", "status"}}
		for _, o := range f.octane.Orders() {
			orders.Rows = append(orders.Rows, []string{o.ID, o.Action, o.Status})
		}
		return []table{pools, orders}
	}
	return nil
}

func (sb *sandbox) console(w http.ResponseWriter, r *http.Request) {
	data := consoleData{Log: sb.log.newestFirst(), Message: r.URL.Query().Get("done")}
	sb.log.mu.Lock()
	data.Total = sb.log.total
	sb.log.mu.Unlock()
	for _, v := range sb.vendors() {
		data.Vendors = append(data.Vendors, vendorView{Key: v.Key, Name: v.Name, Env: v.Env, Tables: sb.tables(v.Key)})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := consolePage.Execute(w, data); err != nil {
		// The page is half written; nothing else can be sent.
		return
	}
}

// sameOrigin refuses a form posted from another site: a page elsewhere
// must not reset or fault a developer's sandbox through their browser.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	return true
}

// action handles the console's forms: POST /console/{vendor}/{fault,clear,reset}.
func (sb *sandbox) action(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "cross-origin form refused", http.StatusForbidden)
		return
	}
	vendor, what := r.PathValue("vendor"), r.PathValue("action")
	if !sb.known(vendor) {
		http.NotFound(w, r)
		return
	}
	var done string
	switch what {
	case "fault":
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		status, err := strconv.Atoi(r.PostFormValue("status"))
		if err != nil || status < 100 || status > 599 {
			http.Error(w, "status: an HTTP status from 100 to 599", http.StatusBadRequest)
			return
		}
		times := 0
		if t := r.PostFormValue("times"); t != "" {
			if times, err = strconv.Atoi(t); err != nil || times < 0 {
				http.Error(w, "times: a number, 0 for until cleared", http.StatusBadRequest)
				return
			}
		}
		sb.injectFault(vendor, r.PostFormValue("path"), status, times)
		done = fmt.Sprintf("%s: fault %d injected", vendor, status)
	case "clear":
		sb.clearFaults(vendor)
		done = vendor + ": faults cleared"
	case "reset":
		sb.reset(vendor)
		done = vendor + ": state reset"
	default:
		http.NotFound(w, r)
		return
	}
	http.Redirect(w, r, "/?done="+url.QueryEscape(done), http.StatusSeeOther)
}

func (sb *sandbox) injectFault(vendor, path string, status, times int) {
	f := sb.fakes()
	switch vendor {
	case "baicells":
		f.baicells.InjectFault(baicellstest.Fault{Path: path, Status: status, Times: times})
	case "telecloud":
		f.telecloud.InjectFault(telecloudtest.Fault{Path: path, Status: status, Times: times})
	case "alianza":
		f.alianza.InjectFault(alianzatest.Fault{Path: path, Status: status, Times: times})
	case "octane":
		f.octane.InjectFault(octanetest.Fault{Path: path, Status: status, Times: times})
	}
}

func (sb *sandbox) clearFaults(vendor string) {
	sb.fakes().get(vendor).ClearFaults()
}
