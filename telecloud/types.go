package telecloud

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ispkit/ispkit"
)

// Money is an exact amount of dollars, as TeleCloud writes them: "100.00",
// "$10.00", "0.0050". It holds ten-thousandths of a dollar in an int64, so no
// amount is ever rounded through a float. The zero Money is "unset": it is not
// sent, and it is what an empty element decodes to; MoneyFromCents(0) is a set
// zero ("0.00").
type Money struct {
	units int64 // 1/10000 of a dollar
	set   bool
}

// moneyScale is the number of units in a dollar. Four decimals cover every
// amount of the reference (unit prices such as 0.0050).
const moneyScale = 10000

// MoneyFromCents returns an amount of cents.
func MoneyFromCents(cents int64) Money { return Money{units: cents * 100, set: true} }

// ParseMoney reads "10", "10.5", "10.00", "$10.00", "-$1.25", "$-1.25",
// "1,000.00" or "0.0050". More than four decimals are refused rather than rounded.
func ParseMoney(s string) (Money, error) {
	orig := s
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	s = strings.TrimPrefix(s, "$")
	if strings.HasPrefix(s, "-") && !neg {
		neg, s = true, s[1:]
	}
	s = strings.ReplaceAll(s, ",", "")
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && (!hasDot || frac == "") {
		return Money{}, fmt.Errorf("telecloud: %q is not an amount of money", orig)
	}
	if len(frac) > 4 {
		return Money{}, fmt.Errorf("telecloud: %q has more than four decimals", orig)
	}
	var units int64
	for _, c := range whole {
		if c < '0' || c > '9' {
			return Money{}, fmt.Errorf("telecloud: %q is not an amount of money", orig)
		}
		if units > (math.MaxInt64-9)/10/moneyScale {
			return Money{}, fmt.Errorf("telecloud: %q is too large", orig)
		}
		units = units*10 + int64(c-'0')
	}
	units *= moneyScale
	scale := int64(moneyScale / 10)
	for _, c := range frac {
		if c < '0' || c > '9' {
			return Money{}, fmt.Errorf("telecloud: %q is not an amount of money", orig)
		}
		units += int64(c-'0') * scale
		scale /= 10
	}
	if neg {
		units = -units
	}
	return Money{units: units, set: true}, nil
}

// MustMoney is ParseMoney for constants; it panics on a malformed amount.
func MustMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// IsSet reports whether the amount was given (a decoded empty element, and the
// zero Money, are not set).
func (m Money) IsSet() bool { return m.set }

// Cents returns the amount in whole cents, truncated toward zero.
func (m Money) Cents() int64 { return m.units / 100 }

// Add returns m+o. The result is set when either is.
func (m Money) Add(o Money) Money { return Money{units: m.units + o.units, set: m.set || o.set} }

// Sub returns m-o. The result is set when either is.
func (m Money) Sub(o Money) Money { return Money{units: m.units - o.units, set: m.set || o.set} }

// Cmp compares two amounts: -1, 0 or +1.
func (m Money) Cmp(o Money) int {
	switch {
	case m.units < o.units:
		return -1
	case m.units > o.units:
		return 1
	}
	return 0
}

// IsWholeCents reports whether the amount has no fraction of a cent, the form
// TeleCloud asks for as "full dollar form" (10.00).
func (m Money) IsWholeCents() bool { return m.units%100 == 0 }

// String writes the amount with two decimals, or up to four when it has
// fractions of a cent: "10.00", "-1.25", "0.005". An unset amount is "".
func (m Money) String() string {
	if !m.set {
		return ""
	}
	u := m.units
	sign := ""
	if u < 0 {
		sign = "-"
		if u == math.MinInt64 {
			return "-922337203685477.5808"
		}
		u = -u
	}
	frac := fmt.Sprintf("%04d", u%moneyScale)
	frac = strings.TrimRight(frac, "0")
	for len(frac) < 2 {
		frac += "0"
	}
	return sign + strconv.FormatInt(u/moneyScale, 10) + "." + frac
}

// MarshalText implements encoding.TextMarshaler (the request form).
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text is an unset amount.
func (m *Money) UnmarshalText(b []byte) error { return m.setText(string(b)) }

// setText is UnmarshalText from a string (the decoder's path: no copy).
func (m *Money) setText(s string) error {
	if len(strings.TrimSpace(s)) == 0 {
		*m = Money{}
		return nil
	}
	v, err := ParseMoney(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Flag is TeleCloud's Y/N value. The zero Flag is unset: it is not sent.
type Flag string

// The two flag values.
const (
	Yes Flag = "Y"
	No  Flag = "N"
)

// FlagOf returns Yes for true and No for false.
func FlagOf(b bool) Flag {
	if b {
		return Yes
	}
	return No
}

// Bool reports whether the flag is Y.
func (f Flag) Bool() bool { return f == Yes }

// Valid reports whether the flag is unset, Y or N.
func (f Flag) Valid() bool { return f == "" || f == Yes || f == No }

// UnmarshalText accepts Y/N in either case, and YES/NO.
func (f *Flag) UnmarshalText(b []byte) error { return f.setText(string(b)) }

// setText is UnmarshalText from a string (the decoder's path: no copy).
func (f *Flag) setText(b string) error {
	switch strings.ToUpper(strings.TrimSpace(b)) {
	case "":
		*f = ""
	case "Y", "YES":
		*f = Yes
	case "N", "NO":
		*f = No
	default:
		return fmt.Errorf("telecloud: %q is not a Y/N flag", b)
	}
	return nil
}

// Time is a date or timestamp as TeleCloud writes it. The reference uses
// "October 18th, 2019 12:21pm", "2019-06-01 13:10:01", "2019-03-28" and
// "8/15/2019"; all are read, in UTC (the reference names no time zone), and
// Raw keeps the text as sent. "0000-00-00 00:00:00" and empty text give the
// zero Time.
type Time struct {
	time.Time
	Raw string
}

// timeLayouts are tried in order.
var timeLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02",
	"1/2/2006",
	"January 2, 2006 3:04pm",
	"January 2, 2006 3:04 pm",
	"January 2, 2006",
	"2006-01-02T15:04:05Z07:00",
	"1/2/2006 15:04:05",
	"1/2/2006 3:04pm",
}

// ParseTime reads any of the reference's date formats.
func ParseTime(s string) (Time, error) {
	raw := s
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000-00-00") {
		return Time{Raw: raw}, nil
	}
	norm := stripOrdinal(s)
	for _, l := range timeLayouts {
		if !mayBe(l, norm) {
			continue // it would fail, at the cost of an error value
		}
		if t, err := time.ParseInLocation(l, norm, time.UTC); err == nil {
			return Time{Time: t, Raw: raw}, nil
		}
	}
	return Time{}, fmt.Errorf("telecloud: %q is not a date", raw)
}

// mayBe reports whether s may be in the layout: false only where parsing
// would certainly fail.
func mayBe(layout, s string) bool {
	iso := len(s) >= 10 && s[4] == '-' && s[7] == '-' // 4-digit year, 2-digit month and day
	switch layout {
	case "2006-01-02":
		return iso && len(s) == 10
	case "2006-01-02 15:04:05":
		return iso && len(s) > 10 && s[10] == ' '
	case "2006-01-02T15:04:05Z07:00":
		return iso && len(s) > 10 && s[10] == 'T'
	}
	switch {
	case strings.HasPrefix(layout, "1/2/2006"): // a 1- or 2-digit month, then '/'
		return len(s) > 2 && (s[1] == '/' || s[2] == '/')
	case strings.HasPrefix(layout, "January"): // a month name
		return len(s) > 0 && ('A' <= s[0] && s[0] <= 'Z' || 'a' <= s[0] && s[0] <= 'z')
	}
	return true
}

// stripOrdinal turns "October 18th, 2019" into "October 18, 2019".
func stripOrdinal(s string) string {
	for _, suf := range []string{"st,", "nd,", "rd,", "th,"} {
		if i := strings.Index(s, suf); i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			return s[:i] + s[i+2:]
		}
	}
	return s
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Time) UnmarshalText(b []byte) error { return t.setText(string(b)) }

// setText is UnmarshalText from a string (the decoder's path: no copy).
func (t *Time) setText(s string) error {
	v, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// MarshalText writes Raw when set, else the time as "2006-01-02 15:04:05".
func (t Time) MarshalText() ([]byte, error) {
	if t.Raw != "" {
		return []byte(t.Raw), nil
	}
	if t.IsZero() {
		return nil, nil
	}
	return []byte(t.Format("2006-01-02 15:04:05")), nil
}

// Equal reports whether both hold the same instant (Raw is ignored).
func (t Time) Equal(o Time) bool { return t.Time.Equal(o.Time) }

// Status is the numeric status of most records (users, components, accounts,
// products, promos …).
type Status int

// The numeric statuses.
const (
	StatusActive    Status = 1 // active (alerts: unread/new)
	StatusSuspended Status = 2 // suspended or locked (alerts: read/dismissed)
	StatusDeleted   Status = 3 // deleted
)

// String returns "ACTIVE", "SUSPENDED", "DELETED" or the number.
func (s Status) String() string {
	switch s {
	case StatusActive:
		return "ACTIVE"
	case StatusSuspended:
		return "SUSPENDED"
	case StatusDeleted:
		return "DELETED"
	}
	return strconv.Itoa(int(s))
}

// OrderStatus is the service status of an order.
type OrderStatus string

// The order statuses of the reference.
const (
	OrderActive    OrderStatus = "ACTIVE"
	OrderPending   OrderStatus = "PENDING" // provisioning runs asynchronously; see [OrdersService.Wait]
	OrderSuspended OrderStatus = "SUSPENDED"
	OrderNonPay    OrderStatus = "NON-PAY"
	OrderFailed    OrderStatus = "FAILED"
	OrderCancelled OrderStatus = "CANCELLED"
)

// Pending reports whether provisioning has not finished.
func (s OrderStatus) Pending() bool { return strings.EqualFold(string(s), string(OrderPending)) }

// AccountType is the type of a TeleCloud.app (cloud) account.
type AccountType string

// The cloud account types, from the top of the hierarchy down.
const (
	AccountCore      AccountType = "CORE"
	AccountVAR       AccountType = "VAR"
	AccountPartner   AccountType = "PARTNER"
	AccountAffiliate AccountType = "AFFILIATE"
)

// ProductType is the type of a product (a CORE rate plan).
type ProductType string

// The product types.
const (
	// ProductTraditional is a primary service product.
	ProductTraditional ProductType = "TRADITIONAL"
	// ProductAddOn is ordered on top of a primary order.
	ProductAddOn ProductType = "ADD-ON"
)

// PaymentType is a kind of payment method.
type PaymentType string

// The payment method types.
const (
	PaymentCard PaymentType = "CC" // credit or debit card
	PaymentBank PaymentType = "BA" // bank account
)

// VariableType is how a variable is entered.
type VariableType string

// The variable types.
const (
	VarText    VariableType = "TEXT"
	VarOptions VariableType = "OPTIONS" // one of Variable.Options
)

// MaxVariables is the number of variable slots (VAR1 … VAR20).
const MaxVariables = 20

// Variable is one of the up to 20 variables (VAR1 … VAR20) a product group
// defines and an order carries: an IMEI, an ICCID, a phone number, a porting
// PIN … Definitions (product groups, Customer/Qualify) carry the metadata;
// orders carry the Value and, in XML, the metadata as well.
type Variable struct {
	// Slot is the variable's number, 1 to 20 (VAR1 is slot 1).
	Slot int
	// Name is the variable's name, e.g. "IMEI".
	Name string
	// Value is the order's value (orders only).
	Value string
	// Type is TEXT or OPTIONS.
	Type VariableType
	// Options are the allowed values of an OPTIONS variable.
	Options []string
	// Description is shown to whoever enters the value.
	Description string
	// Swappable reports whether Order/Swap may change the value (SWAPABLE).
	Swappable Flag
	// Prompt reports whether the value is asked for when ordering.
	Prompt Flag
	// Category groups variables on forms, e.g. "Porting Information".
	Category string
}

// Variables are the variables of a product group, qualify result or order,
// ordered by slot.
type Variables []Variable

// Slot returns the variable in slot n (1–20).
func (vs Variables) Slot(n int) (Variable, bool) {
	for _, v := range vs {
		if v.Slot == n {
			return v, true
		}
	}
	return Variable{}, false
}

// ByName returns the variable with the given name, ignoring case.
func (vs Variables) ByName(name string) (Variable, bool) {
	for _, v := range vs {
		if strings.EqualFold(v.Name, name) {
			return v, true
		}
	}
	return Variable{}, false
}

// Values returns the order values by slot, ready for a request.
func (vs Variables) Values() VarValues {
	out := VarValues{}
	for _, v := range vs {
		if v.Value != "" {
			out[v.Slot] = v.Value
		}
	}
	return out
}

// VarValues are variable values to send, by slot (1–20): VarValues{1: imei,
// 2: iccid}. They are sent as var1 … var20.
type VarValues map[int]string

// Set stores a value and returns the map, for chaining on a literal.
func (v VarValues) Set(slot int, value string) VarValues { v[slot] = value; return v }

// slots returns the slots in order.
func (v VarValues) slots() []int {
	s := make([]int, 0, len(v))
	for k := range v {
		s = append(s, k)
	}
	sort.Ints(s)
	return s
}

func (v VarValues) check() error {
	for k := range v {
		if k < 1 || k > MaxVariables {
			return fmt.Errorf("slot %d is outside 1–%d", k, MaxVariables)
		}
	}
	return nil
}

// parseSlot reads "VAR12" → 12: "VAR" in any case, then 1 to 20 without
// sign or leading zero. It is called for every child of a variables
// element (VARID, VARProduct …), so it makes no error value.
func parseSlot(name string) (int, bool) {
	if len(name) < 4 || len(name) > 5 || !strings.EqualFold(name[:3], "VAR") || name[3] == '0' {
		return 0, false
	}
	n := 0
	for _, c := range []byte(name[3:]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n < 1 || n > MaxVariables {
		return 0, false
	}
	return n, true
}

// Secret holds a sensitive value: a card or bank account number, a CVV, a
// routing number, a Plaid token, a customer password, an SSN, a driver's
// licence number, gateway or module credentials. It prints as REDACTED in
// every fmt verb, in slog and in JSON, so requests and answers holding one
// can be logged; Reveal returns the value. Requests send the value itself.
type Secret = ispkit.Secret

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret { return ispkit.NewSecret(s) }

// Quantity is an exact number of usage units as TeleCloud writes them:
// "1514", "2.5", "0.007" (up to four decimals; the server keeps usage as a
// PHP float). The zero Quantity is unset; QuantityOf(0) is a set zero.
type Quantity struct{ m Money }

// QuantityOf returns n whole units.
func QuantityOf(n int64) Quantity { return Quantity{MoneyFromCents(n * 100)} }

// ParseQuantity reads a number of units.
func ParseQuantity(s string) (Quantity, error) {
	if strings.ContainsAny(s, "$,") {
		return Quantity{}, fmt.Errorf("telecloud: %q is not a number of units", s)
	}
	m, err := ParseMoney(s)
	if err != nil {
		return Quantity{}, fmt.Errorf("telecloud: %q is not a number of units", s)
	}
	return Quantity{m}, nil
}

// IsSet reports whether the quantity was given.
func (q Quantity) IsSet() bool { return q.m.set }

// Whole returns the quantity in whole units, and whether it has no fraction.
func (q Quantity) Whole() (int64, bool) { return q.m.units / moneyScale, q.m.units%moneyScale == 0 }

// Cmp compares two quantities: -1, 0 or +1.
func (q Quantity) Cmp(o Quantity) int { return q.m.Cmp(o.m) }

// String writes "1514", "2.5" or "0.007"; an unset quantity is "".
func (q Quantity) String() string {
	s := q.m.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// MarshalText implements encoding.TextMarshaler.
func (q Quantity) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; empty text is unset.
func (q *Quantity) UnmarshalText(b []byte) error { return q.setText(string(b)) }

// setText is UnmarshalText from a string (the decoder's path: no copy).
func (q *Quantity) setText(s string) error {
	if strings.TrimSpace(s) == "" {
		*q = Quantity{}
		return nil
	}
	v, err := ParseQuantity(s)
	if err != nil {
		return err
	}
	*q = v
	return nil
}
