package telecloudtest

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// errUnsupportedBody is a body the server cannot read as parameters.
var errUnsupportedBody error = &apiError{msg: "Request parameters must be sent form-urlencoded (application/x-www-form-urlencoded)."}

// apiError is a refusal: its text is the <error> of the envelope.
type apiError struct{ msg string }

func (e *apiError) Error() string { return e.msg }

// fail returns a refusal with a formatted message.
func fail(format string, args ...any) error {
	return &apiError{msg: fmt.Sprintf(format, args...)}
}

// handler serves one service/method. It runs with the server locked and
// returns the <telecloud> root of the answer (the trans_id is added by the
// caller) or a refusal.
type handler func(st *state, c *call) (*node, error)

// routeSpec is one service/method.
type routeSpec struct {
	verb     string
	search   bool     // a read (GET): no trans_id, not recorded
	required []string // parameters refused when empty, in the tables' order
	h        handler
}

// verbFor is the verb rule: Search*, Qualify, Estimate → GET; Create →
// POST; Edit, Update → PATCH; Delete → DELETE; anything else → POST.
func verbFor(method string) string {
	switch {
	case strings.HasPrefix(method, "Search"), method == "Qualify", method == "Estimate":
		return http.MethodGet
	case method == "Create":
		return http.MethodPost
	case method == "Edit", method == "Update":
		return http.MethodPatch
	case method == "Delete":
		return http.MethodDelete
	}
	return http.MethodPost
}

// call is one request being served.
type call struct {
	op, service, method string
	format              string
	p                   url.Values
	ip                  string
	now                 time.Time

	user *user         // the API user, once authenticated
	acct *cloudAccount // the user's cloud account
	tx   *txn          // the transaction record (nil for reads)
}

// get returns a parameter, trimmed of surrounding spaces.
func (c *call) get(name string) string { return strings.TrimSpace(c.p.Get(name)) }

// has reports whether a parameter was given with a non-blank value.
func (c *call) has(name string) bool { return c.get(name) != "" }

// yn reads a Y/N flag: "" when not given, else "Y" or "N" (either case
// accepted).
func (c *call) yn(name string) (string, error) {
	v := strings.ToUpper(c.get(name))
	switch v {
	case "", "Y", "N":
		return v, nil
	}
	return "", fail("Invalid %s: it must be Y or N.", name)
}

// oneOf reads an enumerated value: "" when not given, else the option it
// matches (case-insensitively), in the option's spelling.
func (c *call) oneOf(name string, options ...string) (string, error) {
	v := c.get(name)
	if v == "" {
		return "", nil
	}
	for _, o := range options {
		if strings.EqualFold(v, o) {
			return o, nil
		}
	}
	return "", fail("Invalid %s: valid options are %s.", name, orList(options))
}

// status reads a numeric status: 0 when not given, else one of allowed.
func (c *call) status(name string, allowed ...int) (int, error) {
	v := c.get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err == nil {
		for _, a := range allowed {
			if n == a {
				return n, nil
			}
		}
	}
	opts := make([]string, len(allowed))
	for i, a := range allowed {
		opts[i] = strconv.Itoa(a)
	}
	return 0, fail("Invalid %s: valid options are %s.", name, orList(opts))
}

// money reads a full dollar amount ("10.00"; "10", "10.5" and "$10.00" are
// accepted too); set is false when not given.
func (c *call) money(name, label string) (cents int64, set bool, err error) {
	v := c.get(name)
	if v == "" {
		return 0, false, nil
	}
	cents, ok := parseMoney(v)
	if !ok {
		return 0, false, fail("A full dollar amount must be supplied for the %s.", label)
	}
	return cents, true, nil
}

// intIn reads a whole number within [lo, hi]; set is false when not given.
func (c *call) intIn(name string, lo, hi int, msg string) (n int, set bool, err error) {
	v := c.get(name)
	if v == "" {
		return 0, false, nil
	}
	n, e := strconv.Atoi(v)
	if e != nil || n < lo || n > hi {
		return 0, false, fail("%s", msg)
	}
	return n, true, nil
}

// date reads a date given as YYYY-MM-DD or M/D/YYYY; set is false when not
// given.
func (c *call) date(name string) (t time.Time, set bool, err error) {
	v := c.get(name)
	if v == "" {
		return time.Time{}, false, nil
	}
	t, ok := parseDate(v)
	if !ok {
		return time.Time{}, false, fail("Invalid %s: dates are written YYYY-MM-DD.", name)
	}
	return t, true, nil
}

// vars returns the var1 … var20 values given (non-blank ones), by slot.
func (c *call) vars() map[int]string {
	out := map[int]string{}
	for i := 1; i <= maxVars; i++ {
		if v := c.get("var" + strconv.Itoa(i)); v != "" {
			out[i] = v
		}
	}
	return out
}

// maxVars is the number of variables of a product group.
const maxVars = 20

// orList writes "A, B or C".
func orList(opts []string) string {
	if len(opts) <= 1 {
		return strings.Join(opts, "")
	}
	return strings.Join(opts[:len(opts)-1], ", ") + " or " + opts[len(opts)-1]
}

var moneyRE = regexp.MustCompile(`^\$?([0-9]{1,9})(?:\.([0-9]{1,2}))?$`)

// parseMoney reads a non-negative dollar amount into cents.
func parseMoney(s string) (int64, bool) {
	m := moneyRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	d, _ := strconv.ParseInt(m[1], 10, 64)
	frac := m[2]
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return d*100 + f, true
}

// fmtMoney writes cents as "12.34" ("-12.34" when negative).
func fmtMoney(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// fmtDollars writes cents as "$12.34".
func fmtDollars(c int64) string { return "$" + fmtMoney(c) }

// parseDate reads YYYY-MM-DD or M/D/YYYY.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "1/2/2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Date layouts of the answers.
const (
	layoutDateTime = "2006-01-02 15:04:05" // 2019-06-01 13:10:01
	layoutDate     = "2006-01-02"          // 2019-03-28
	layoutUSDate   = "1/2/2006"            // 8/15/2019
)

// fmtLongDate writes "October 18th, 2019 12:21pm".
func fmtLongDate(t time.Time) string {
	d := t.Day()
	suffix := "th"
	switch {
	case d%10 == 1 && d != 11:
		suffix = "st"
	case d%10 == 2 && d != 12:
		suffix = "nd"
	case d%10 == 3 && d != 13:
		suffix = "rd"
	}
	return t.Format("January ") + strconv.Itoa(d) + suffix + t.Format(", 2006 3:04pm")
}

// day truncates t to its day (in its location).
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// validEmail reports whether s looks like an e-mail address.
func validEmail(s string) bool { return emailRE.MatchString(s) }

// validURL reports whether s is a full http(s) URL.
func validURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// secretParams are kept out of the transaction log's full_request.
var secretParams = map[string]bool{
	"payment_account_number": true, "routing_number": true, "cvv": true,
	"account_id": true, "access_token": true, "item_id": true,
	"password": true, "dl": true, "ssn": true,
	"credentials_1": true, "credentials_2": true, "credentials_3": true, "credentials_4": true,
}

// serve runs one routed request against the state and returns the answer's
// root: the method's answer with its trans_id, or the error envelope.
func (st *state) serve(c *call, spec routeSpec, verb string, bodyErr error) *node {
	if !spec.search {
		c.tx = st.newTxn(c)
	}
	root, err := st.dispatch(c, spec, verb, bodyErr)
	transID := ""
	if c.tx != nil {
		transID = c.tx.id
	}
	if err != nil {
		if c.tx != nil {
			c.tx.status, c.tx.errText = txFailed, err.Error()
		}
		return errorRoot(transID, err.Error())
	}
	if c.tx != nil {
		if c.tx.status == "" {
			c.tx.status = txSuccess
		}
		root.attrs = append([]attr{{"trans_id", transID}}, root.attrs...)
	}
	return root
}

// dispatch checks the verb, the body, the credentials and the required
// parameters, and runs the handler.
func (st *state) dispatch(c *call, spec routeSpec, verb string, bodyErr error) (*node, error) {
	if verb != spec.verb {
		return nil, fail("Invalid request method %s: %s must be called with %s.", verb, c.op, spec.verb)
	}
	if bodyErr != nil {
		return nil, bodyErr
	}
	if err := st.authenticate(c); err != nil {
		return nil, err
	}
	for _, name := range spec.required {
		if !c.has(name) {
			return nil, fail("The %s parameter is required.", name)
		}
	}
	return spec.h(st, c)
}

// authenticate checks API_ID_KEY and API_KEY and sets the caller.
func (st *state) authenticate(c *call) error {
	id, key := c.p.Get(paramAPIIDKey), c.p.Get(paramAPIKey)
	if id == "" || key == "" {
		return fail("API_ID_KEY and API_KEY are required.")
	}
	cred, ok := st.creds[id]
	if !ok || subtle.ConstantTimeCompare([]byte(cred.key), []byte(key)) != 1 || cred.user.deleted {
		return fail("Invalid API credentials.")
	}
	u := cred.user
	if u.status == statusLocked {
		return fail("This user is locked.")
	}
	if u.account.deleted {
		return fail("Invalid API credentials.")
	}
	if u.account.status == statusLocked {
		return fail("This cloud account is suspended.")
	}
	u.lastLogin, u.lastIP = c.now, c.ip
	c.user, c.acct = u, u.account
	if c.tx != nil {
		c.tx.user, c.tx.cloud = u.username, u.account
		c.tx.fullRequest = fullRequest(c)
	}
	return nil
}

// fullRequest is the transaction log's copy of a request, as the vendor
// shows it: {"format":"xml","service":"PaymentMethod","method":"Create",
// "API_USER_ID":"…", then the parameters, secrets redacted}.
func fullRequest(c *call) string {
	var b strings.Builder
	b.WriteByte('{')
	pair := func(k, v string) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		writeJSONString(&b, k)
		b.WriteByte(':')
		writeJSONString(&b, v)
	}
	pair("format", c.format)
	pair("service", c.service)
	pair("method", c.method)
	pair("API_USER_ID", c.user.email)
	keys := make([]string, 0, len(c.p))
	for k := range c.p {
		if k != paramAPIIDKey && k != paramAPIKey {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := c.p.Get(k)
		if secretParams[k] && v != "" {
			v = redacted
		}
		pair(k, v)
	}
	b.WriteByte('}')
	return b.String()
}
