package conventions

import (
	"go/ast"
	"go/types"
	"os"
	"regexp"
	"strings"
	"testing"
)

// sharedOptions are the options every client takes. Octane serves one API
// from two roots: WithSOAPBaseURL and WithRESTBaseURL stand for WithBaseURL.
var sharedOptions = []string{
	"WithBaseURL", "WithHTTPClient", "WithUserAgent", "WithRetry", "WithLogger", "WithObserver",
	"WithTimeout", "WithMaxResponseSize", "WithMaxIdleConnsPerHost",
}

// baseURLOptions are each package's base-URL options; its Client and its
// fake have a method of the same name without "With" (BaseURL, …).
var baseURLOptions = map[string][]string{
	"baicells": {"WithBaseURL"}, "telecloud": {"WithBaseURL"}, "alianza": {"WithBaseURL"},
	"octane": {"WithSOAPBaseURL", "WithRESTBaseURL"},
}

func hasOption(a *api, name string) bool {
	f := a.funcs[name]
	return f != nil && f.Type.Results != nil && len(f.Type.Results.List) == 1 &&
		strings.TrimPrefix(sig(f)[strings.Index(sig(f), ")")+1:], " ") == "Option"
}

func TestOptions(t *testing.T) {
	for _, v := range vendors {
		a := load(t, v)
		for _, o := range sharedOptions {
			if o == "WithBaseURL" {
				continue
			}
			if !hasOption(a, o) {
				t.Errorf("%s has no option %s", v, o)
			}
		}
		for _, o := range baseURLOptions[v] {
			if !hasOption(a, o) {
				t.Errorf("%s has no option %s", v, o)
			}
			if m := a.methods["Client"][strings.TrimPrefix(o, "With")]; m == nil || sig(m) != "() string" {
				t.Errorf("%s: Client has no %s() string accessor for %s", v, strings.TrimPrefix(o, "With"), o)
			}
		}
		if v == "octane" && a.funcs["WithBaseURL"] != nil {
			t.Errorf("octane has WithBaseURL: its two roots are WithSOAPBaseURL and WithRESTBaseURL")
		}
		if f := a.funcs["New"]; f == nil || sig(f) != "(Credentials, ...Option) (*Client, error)" {
			t.Errorf("%s: New is not func(creds Credentials, opts ...Option) (*Client, error)", v)
		}
		if m := a.methods["Client"]["HTTPClient"]; m == nil || sig(m) != "() *http.Client" {
			t.Errorf("%s: Client has no HTTPClient() *http.Client", v)
		}
	}
}

func TestSharedTypesArePublicAliases(t *testing.T) {
	for _, v := range vendors {
		a := load(t, v)
		if got := a.alias("RetryPolicy"); got != "ispkit.RetryPolicy" {
			t.Errorf("%s.RetryPolicy = %q, want an alias of ispkit.RetryPolicy", v, got)
		}
		if f := a.funcs["DefaultRetryPolicy"]; f == nil || sig(f) != "() RetryPolicy" {
			t.Errorf("%s has no DefaultRetryPolicy() RetryPolicy", v)
		}
		if got := a.alias("Secret"); got != "ispkit.Secret" {
			t.Errorf("%s.Secret = %q, want an alias of ispkit.Secret", v, got)
		}
		if f := a.funcs["NewSecret"]; f == nil || sig(f) != "(string) Secret" {
			t.Errorf("%s has no NewSecret(string) Secret", v)
		}
	}
}

// No package exports an alias of an internal type: go doc shows such a type
// without its fields and a user cannot reach its constructor.
func TestNoExportedAliasOfAnInternalType(t *testing.T) {
	for _, dir := range allDirs() {
		a := load(t, dir)
		for name, f := range a.files {
			imports := importsOf(f)
			for tn := range a.types {
				rhs := a.alias(tn)
				if rhs == "" || a.types[tn].Pos() < f.Pos() || a.types[tn].Pos() > f.End() {
					continue
				}
				pkg, _, ok := strings.Cut(strings.TrimPrefix(rhs, "*"), ".")
				if ok && strings.Contains(imports[pkg], "/internal/") {
					t.Errorf("%s/%s: type %s = %s aliases an internal type", dir, name, tn, rhs)
				}
			}
		}
	}
}

func allDirs() []string {
	var out []string
	for _, v := range vendors {
		out = append(out, v, v+"/"+v+"test")
	}
	return out
}

// errorFields are the fields every *Error has, with their types.
var errorFields = map[string]string{
	"Op": "string", "HTTPStatus": "int", "RequestID": "string", "RetryAfter": "time.Duration",
	"Body": "string", "Err": "error",
}

var validationFields = map[string]string{"Op": "string", "Field": "string", "Reason": "string", "Err": "error"}

var errorMethods = map[string]string{"Error": "() string", "Unwrap": "() error", "Is": "(error) bool"}

// sentinels every package has.
var sentinels = []string{"ErrInvalidInput", "ErrBadResponse", "ErrResponseTooLarge"}

func TestErrorsHaveOneShape(t *testing.T) {
	for _, v := range vendors {
		a := load(t, v)
		for typ, want := range map[string]map[string]string{"Error": errorFields, "ValidationError": validationFields} {
			got := a.fields(typ)
			if got == nil {
				t.Errorf("%s has no struct type %s", v, typ)
				continue
			}
			for f, ft := range want {
				if got[f] != ft {
					t.Errorf("%s.%s.%s is %q, want %s", v, typ, f, got[f], ft)
				}
			}
			for m, s := range errorMethods {
				if d := a.methods[typ][m]; d == nil || sig(d) != s {
					t.Errorf("%s: *%s has no method %s%s", v, typ, m, s)
				} else if _, ptr := d.Recv.List[0].Type.(*ast.StarExpr); !ptr {
					t.Errorf("%s: %s.%s has a value receiver; errors are *%s", v, typ, m, typ)
				}
			}
		}
		for _, s := range sentinels {
			if !a.values[s] {
				t.Errorf("%s has no sentinel %s", v, s)
			}
		}
	}
}

// Service types are plural nouns (go-github's IssuesService), but for the
// mass nouns listed here.
var massNouns = map[string]bool{"Usage": true, "Billing": true, "ReferenceData": true}

func TestServicesArePlural(t *testing.T) {
	for _, v := range vendors {
		a := load(t, v)
		for name := range a.types {
			noun, ok := strings.CutSuffix(name, "Service")
			if !ok || noun == "" {
				continue
			}
			if !strings.HasSuffix(noun, "s") && !massNouns[noun] {
				t.Errorf("%s.%s: a service type is a plural noun", v, name)
			}
		}
	}
}

func TestWaitingHasOneShape(t *testing.T) {
	for _, v := range vendors {
		a := load(t, v)
		svc, waits := waiting[v]
		if !waits {
			if a.has("WaitOptions") || a.has("WithPollInterval") {
				t.Errorf("%s waits for nothing but has WaitOptions or WithPollInterval", v)
			}
			continue
		}
		if !hasOption(a, "WithPollInterval") {
			t.Errorf("%s has no WithPollInterval option", v)
		} else if s := sig(a.funcs["WithPollInterval"]); s != "(time.Duration, time.Duration) Option" {
			t.Errorf("%s: WithPollInterval%s, want (min, max time.Duration) Option", v, s)
		}
		for _, c := range []string{"DefaultPollMin", "DefaultPollMax"} {
			if !a.values[c] {
				t.Errorf("%s has no %s", v, c)
			}
		}
		f := a.fields("WaitOptions")
		if f["MinInterval"] != "time.Duration" || f["MaxInterval"] != "time.Duration" {
			t.Errorf("%s.WaitOptions lacks MinInterval and MaxInterval time.Duration: %v", v, f)
		}
		m := a.methods[svc]["Wait"]
		if m == nil {
			t.Errorf("%s: %s has no Wait", v, svc)
			continue
		}
		if s := sig(m); !strings.HasPrefix(s, "(context.Context, string, *WaitOptions) (*") {
			t.Errorf("%s: %s.Wait%s, want (ctx, id string, opts *WaitOptions) (*T, error)", v, svc, s)
		}
		if a.methods["Client"]["WaitForOrder"] != nil {
			t.Errorf("%s: Client.WaitForOrder beside %s.Wait", v, svc)
		}
		for name, ft := range a.fields(svc) {
			t.Errorf("%s.%s has an exported field %s %s: settings are options", v, svc, name, ft)
		}
	}
}

// Inputs: a call's input is a value whose type ends in Request; an optional
// input is a pointer (nil: the defaults) whose type ends in Options; Apply
// takes the *XxxPlan that Plan returned.
func TestInputNames(t *testing.T) {
	for _, v := range vendors {
		a := load(t, v)
		for recv, ms := range a.methods {
			if !strings.HasSuffix(recv, "Service") && recv != "Client" {
				continue
			}
			for name, d := range ms {
				for _, p := range d.Type.Params.List {
					typ := types.ExprString(p.Type)
					base, ptr := strings.CutPrefix(typ, "*")
					st := a.types[base]
					if st == nil {
						continue
					}
					if _, isStruct := st.Type.(*ast.StructType); !isStruct {
						continue
					}
					switch {
					case ptr && name == "Apply" && strings.HasSuffix(base, "Plan"):
						// Desired-state sync: Apply takes back the *XxxPlan its
						// service's Plan returned.
					case ptr && !strings.HasSuffix(base, "Options"):
						t.Errorf("%s: %s.%s takes %s: a pointer input is an optional *XxxOptions", v, recv, name, typ)
					case !ptr && strings.HasSuffix(base, "Options"):
						t.Errorf("%s: %s.%s takes %s by value: options are a pointer, nil for the defaults", v, recv, name, typ)
					case !ptr && !strings.HasSuffix(base, "Request") && !inputAllowed[v+"."+base]:
						t.Errorf("%s: %s.%s takes %s: a call's input type ends in Request", v, recv, name, typ)
					}
				}
			}
		}
	}
}

// inputAllowed are value inputs that are not one call's request: entities
// and value types that the SDK also returns and takes back whole.
var inputAllowed = map[string]bool{
	"baicells.Plan":                     true, // Plans.Get returns it; Create, Modify and Ensure take it back
	"baicells.Profile":                  true, // a Subscriber's profile, embedded in what Get returns
	"baicells.Speed":                    true, // a value type (uplink and downlink), returned by Plans
	"alianza.Account":                   true, // Accounts.Get returns it; Create and Update take it back whole (PUT)
	"alianza.User":                      true, // the same for users
	"alianza.DeviceLine":                true, // the same for device lines
	"alianza.TelephoneNumber":           true, // the same for numbers (Numbers.Update)
	"alianza.NumberActivation":          true, // Numbers.Add sends it and returns the vendor's copy (the spec's own schema)
	"alianza.SIPTrunkGroupForwardRules": true, // SIPTrunkGroups.Forwarding returns it; UpdateForwarding takes it back whole (PUT)
	"alianza.CallingPlanRef":            true, // a value naming which calling plan (zero: the account's)
	"octane.Pool":                       true, // Pools.Create and Pools.Lookup return it; the other Pools calls take it back
	"octane.PoolRef":                    true, // a pool's REST key, returned by Pool.Ref
}

// The README's "What every package does the same way" names nothing a
// package lacks: every option and type it names in backquotes exists in
// all four (octane's two base URLs as the README says).
func TestReadmeSameWaySection(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "## What every package does the same way")
	if start < 0 {
		t.Fatal("README has no section \"What every package does the same way\"")
	}
	section := text[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`\\*?([A-Z][A-Za-z]+)`").FindAllStringSubmatch(section, -1) {
		named[m[1]] = true
	}
	for _, m := range regexp.MustCompile("`(With[A-Za-z]+)\\(").FindAllStringSubmatch(section, -1) {
		named[m[1]] = true
	}
	for _, o := range sharedOptions {
		if !named[o] {
			t.Errorf("README's same-way section does not name the shared option %s", o)
		}
	}
	root := load(t, ".")
	for _, name := range sorted(named) {
		if notNames[name] {
			continue
		}
		if root.has(name) {
			continue // the root package's: Secret, RetryPolicy, Attempt, Observer
		}
		for _, v := range vendors {
			if only, ok := someOnly[name]; ok && !strings.Contains(only, v) {
				continue
			}
			if v == "octane" && name == "WithBaseURL" {
				continue // the README says so: WithSOAPBaseURL and WithRESTBaseURL
			}
			a := load(t, v)
			fake := load(t, v+"/"+v+"test")
			found := a.has(name) || a.methods["Client"][name] != nil ||
				a.fields("Error")[name] != "" || a.fields("ValidationError")[name] != "" ||
				a.methods["Error"][name] != nil ||
				fake.has(name) || fake.methods["Server"][name] != nil ||
				fake.fields("Server")[name] != "" || fake.fields("Fault")[name] != ""
			if only := someOnly[name]; only == syncPackages {
				// Desired-state sync: a service's method, or a field of
				// the plan or of the mirror's options.
				for _, ms := range a.methods {
					found = found || ms[name] != nil
				}
				for typ := range a.types {
					if strings.HasSuffix(typ, "Plan") || typ == "MirrorOptions" {
						found = found || a.fields(typ)[name] != ""
					}
				}
			}
			if !found {
				t.Errorf("README's same-way section names %s; %s (and its fake) has none", name, v)
			}
		}
	}
}

// notNames are words the README quotes that are not Go names.
var notNames = map[string]bool{"REDACTED": true, "Referer": true, "Request": true, "Options": true, "XxxPlan": true}

// someOnly are names the README gives to some packages only, as it says.
var someOnly = map[string]string{
	"OrdersService": "telecloud octane", "JobsService": "alianza",
	"WithSOAPBaseURL": "octane", "WithRESTBaseURL": "octane",
	"WithPollInterval": "telecloud alianza octane", "WaitOptions": "telecloud alianza octane",
	"Plan": syncPackages, "Apply": syncPackages, "Reconcile": syncPackages, "Mirror": syncPackages,
	"MirrorOptions": syncPackages, "MirrorReport": syncPackages, "Actions": syncPackages,
	"Checks": syncPackages, "DryRun": syncPackages, "Concurrency": syncPackages, "Progress": syncPackages,
}

// syncPackages are the packages with desired-state sync (Plan, Apply,
// Reconcile, Mirror): the vendors with state a billing system keeps in step.
const syncPackages = "baicells octane"
