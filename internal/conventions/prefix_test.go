package conventions

import (
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/telecloud"
)

// Every error New returns — missing credentials, each refused option —
// starts with the package's name.
func TestNewErrorsStartWithThePackageName(t *testing.T) {
	badRetry := baicells.DefaultRetryPolicy()
	badRetry.MaxAttempts = 0
	cases := map[string][]error{}
	collect := func(pkg string) func(any, error) {
		return func(_ any, err error) { cases[pkg] = append(cases[pkg], err) }
	}
	bcAdd, tcAdd, alAdd, ocAdd := collect("baicells"), collect("telecloud"), collect("alianza"), collect("octane")

	bc := baicells.Credentials{CloudKey: baicells.NewSecret("k"), Username: "u", Password: baicells.NewSecret("p")}
	bcAdd(baicells.New(baicells.Credentials{}))
	bcAdd(baicells.New(bc, baicells.WithTimeout(-time.Second)))
	bcAdd(baicells.New(bc, baicells.WithRetry(badRetry)))
	bcAdd(baicells.New(bc, baicells.WithBaseURL("ftp://x")))
	bcAdd(baicells.New(bc, baicells.WithMaxResponseSize(-1)))

	tc := telecloud.Credentials{APIIDKey: telecloud.NewSecret("i"), APIKey: telecloud.NewSecret("k")}
	tcAdd(telecloud.New(telecloud.Credentials{}))
	tcAdd(telecloud.New(tc, telecloud.WithTimeout(-time.Second)))
	tcAdd(telecloud.New(tc, telecloud.WithRetry(badRetry)))
	tcAdd(telecloud.New(tc, telecloud.WithBaseURL("ftp://x")))
	tcAdd(telecloud.New(tc, telecloud.WithMaxResponseSize(-1)))

	ac := alianza.Credentials{Username: "u", Password: alianza.NewSecret("p")}
	alAdd(alianza.New(alianza.Credentials{}))
	alAdd(alianza.New(ac, alianza.WithTimeout(-time.Second)))
	alAdd(alianza.New(ac, alianza.WithRetry(badRetry)))
	alAdd(alianza.New(ac, alianza.WithBaseURL("ftp://x")))
	alAdd(alianza.New(ac, alianza.WithMaxResponseSize(-1)))

	oc := octane.Credentials{Username: "u", Password: octane.NewSecret("p")}
	ocAdd(octane.New(octane.Credentials{}))
	ocAdd(octane.New(oc, octane.WithTimeout(-time.Second)))
	ocAdd(octane.New(oc, octane.WithRetry(badRetry)))
	ocAdd(octane.New(oc, octane.WithSOAPBaseURL("ftp://x")))
	ocAdd(octane.New(oc, octane.WithRESTBaseURL("ftp://x")))
	ocAdd(octane.New(oc, octane.WithMaxResponseSize(-1)))

	for pkg, errs := range cases {
		for i, err := range errs {
			if err == nil {
				t.Errorf("%s case %d: New accepted bad input", pkg, i)
				continue
			}
			if !strings.HasPrefix(err.Error(), pkg+": ") {
				t.Errorf("%s case %d: %q does not start with %q", pkg, i, err.Error(), pkg+": ")
			}
		}
	}
}
