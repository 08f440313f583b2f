package alianza_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
)

// Bad input is refused before anything is sent — not even the login — with
// a *ValidationError matching ErrInvalidInput: a nil context (every
// operation), and every id that goes into a URL path when it is empty,
// blank, "." or ".." (a server or proxy that cleans paths would apply
// Users.Delete(ctx, "A1", "..") to the account, Accounts.Delete("..") to the
// partition), or holds a control character or invalid UTF-8 (which used to
// be sent percent-encoded).

// silentServer counts every request it gets, the login included.
func silentServer(t *testing.T) (*alianza.Client, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	c, err := alianza.New(confCredentials(), alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	return c, &n
}

// badIDs are ids that must never be sent.
var badIDs = map[string]string{
	"empty": "", "blank": " \t ", "dot": ".", "dot-dot": "..", "NUL": "a\x00b", "CR LF": "a\r\nX-Evil: 1", "LF": "a\nb",
	"DEL": "a\x7fb", "C1 control": "a\u0085b", "tab inside": "a\tb", "invalid UTF-8": "a\xffb", "lone surrogate": "a\xed\xa0\x80b",
}

// idOps call an operation with id in one of its path ids, the others valid.
var idOps = map[string]func(ctx context.Context, c *alianza.Client, id string) error{
	"Accounts.Get": func(ctx context.Context, c *alianza.Client, id string) error { return second(c.Accounts.Get(ctx, id)) },
	"Accounts.GetByNumber": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Accounts.GetByNumber(ctx, id))
	},
	"Accounts.Update": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Accounts.Update(ctx, alianza.Account{ID: id, AccountName: "Ada Lovelace"}))
	},
	"Accounts.Patch": func(ctx context.Context, c *alianza.Client, id string) error {
		name := "Ada L"
		return second(c.Accounts.Patch(ctx, id, alianza.AccountPatchRequest{AccountName: &name}))
	},
	"Accounts.Delete": func(ctx context.Context, c *alianza.Client, id string) error { return c.Accounts.Delete(ctx, id) },
	"Accounts.EnsureStatus": func(ctx context.Context, c *alianza.Client, id string) error {
		_, _, err := c.Accounts.EnsureStatus(ctx, id, true)
		return err
	},
	"Accounts.Report": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Accounts.Report(ctx, id))
	},
	"Accounts.History": func(ctx context.Context, c *alianza.Client, id string) error {
		return drain(c.Accounts.History(ctx, id, &alianza.HistoryOptions{}))
	},
	"Accounts.CDRs": func(ctx context.Context, c *alianza.Client, id string) error {
		return drain(c.Accounts.CDRs(ctx, id, alianza.CDRSearchRequest{StartDate: confDay, EndDate: confDay}))
	},
	"Users.List": func(ctx context.Context, c *alianza.Client, id string) error { return second(c.Users.List(ctx, id)) },
	"Users.Get/account": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Users.Get(ctx, id, "U1"))
	},
	"Users.Get/user": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Users.Get(ctx, "A1", id))
	},
	"Users.Create": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Users.Create(ctx, id, alianza.User{TimeZone: "US/Eastern"}))
	},
	"Users.Update/user": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Users.Update(ctx, "A1", alianza.User{ID: id}))
	},
	"Users.Delete/user": func(ctx context.Context, c *alianza.Client, id string) error { return c.Users.Delete(ctx, "A1", id) },
	"DeviceLines.List": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.DeviceLines.List(ctx, id, &alianza.DeviceLineListOptions{}))
	},
	"DeviceLines.ByMAC": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.DeviceLines.ByMAC(ctx, id, "0004f2abcdef"))
	},
	"DeviceLines.Get": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.DeviceLines.Get(ctx, "A1", id))
	},
	"DeviceLines.Create": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.DeviceLines.Create(ctx, id, confLine))
	},
	"DeviceLines.Update": func(ctx context.Context, c *alianza.Client, id string) error {
		d := confLine
		d.ID = id
		return second(c.DeviceLines.Update(ctx, "A1", d))
	},
	"DeviceLines.Delete": func(ctx context.Context, c *alianza.Client, id string) error {
		return c.DeviceLines.Delete(ctx, "A1", id)
	},
	"DeviceLines.SIPLines": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.DeviceLines.SIPLines(ctx, id))
	},
	"DeviceLines.RegistrationStatus": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.DeviceLines.RegistrationStatus(ctx, "A1", id))
	},
	"Numbers.List": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Numbers.List(ctx, id, &alianza.NumberListOptions{}))
	},
	"Numbers.Get": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Numbers.Get(ctx, "A1", id))
	},
	"Numbers.Add": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Numbers.Add(ctx, id, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015551212"}}}))
	},
	"Numbers.Update": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Numbers.Update(ctx, "A1", alianza.TelephoneNumber{PhoneNumber: id}))
	},
	"Numbers.Remove": func(ctx context.Context, c *alianza.Client, id string) error {
		return c.Numbers.Remove(ctx, id, "18015551212")
	},
	"Numbers.Reserve": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Numbers.Reserve(ctx, id))
	},
	"Numbers.Release": func(ctx context.Context, c *alianza.Client, id string) error { return c.Numbers.Release(ctx, id) },
	"CallingPlans.Get": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.CallingPlans.Get(ctx, id, alianza.CallingPlanRef{}))
	},
	"CallingPlans.Set": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.CallingPlans.Set(ctx, id, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: "CPP1"}))
	},
	"CallingPlans.Remove": func(ctx context.Context, c *alianza.Client, id string) error {
		return c.CallingPlans.Remove(ctx, id, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: "CPP1"})
	},
	"ProductPlans.List": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.ProductPlans.List(ctx, id))
	},
	"Jobs.Get": func(ctx context.Context, c *alianza.Client, id string) error { return second(c.Jobs.Get(ctx, id)) },
	"Jobs.Wait": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Jobs.Wait(ctx, id, nil))
	},
	"ReferenceData.DeviceType": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.ReferenceData.DeviceType(ctx, id))
	},
	"ReferenceData.InboundRatePlan": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.ReferenceData.InboundRatePlan(ctx, id))
	},
	"Do": func(ctx context.Context, c *alianza.Client, id string) error {
		return c.Do(ctx, http.MethodDelete, "/v2/partition/{partition}/account/"+id, nil, nil, nil)
	},
	"Jobs.Start": func(ctx context.Context, c *alianza.Client, id string) error {
		return second(c.Jobs.Start(ctx, http.MethodGet, "/v2/partition/{partition}/account/"+id+"/report", nil, nil))
	},
}

func TestBadIDsRefusedBeforeSending(t *testing.T) {
	for op, call := range idOps {
		for name, id := range badIDs {
			if (op == "Do" || op == "Jobs.Start") && (name == "empty" || name == "blank") {
				continue // an empty or blank segment of a raw path is the caller's business
			}
			t.Run(op+"/"+name, func(t *testing.T) {
				c, sent := silentServer(t)
				err := call(context.Background(), c, id)
				var ve *alianza.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.ErrorIs(t, err, alianza.ErrInvalidInput)
				assert.Zero(t, sent.Load(), "nothing is sent, not even the login")
			})
		}
	}
}

// An id is sent as it is, escaped, never altered: ids that look odd but are
// ids reach the server unchanged.
func TestOddIDsSentUnaltered(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/v2/authorize" {
			_, _ = w.Write([]byte(`{"authToken":"t","partitionId":"P1"}`))
			return
		}
		got = append(got, strings.TrimPrefix(r.URL.EscapedPath(), "/v2/partition/P1/account/"))
		_, _ = w.Write([]byte(`{"id":"x"}`))
	}))
	t.Cleanup(srv.Close)
	c, err := alianza.New(confCredentials(), alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	for _, id := range []string{"...", ".a", "a.", "a b", "a/b", "ü-ñ", "%2e%2e", " .. "} {
		_, err := c.Accounts.Get(context.Background(), id)
		require.NoError(t, err, "%q", id)
	}
	assert.Equal(t, []string{"...", ".a", "a.", "a%20b", "a%2Fb", "%C3%BC-%C3%B1", "%252e%252e", "%20..%20"}, got)
}

// Do refuses a path with a dot segment, also percent-encoded, an escape
// that is not one, a control character or invalid UTF-8.
func TestDoRefusesUnusablePaths(t *testing.T) {
	for _, path := range []string{"v2/x", "/v2/x/../y", "/v2/x/./y", "/v2/x/%2e%2E/y", "/v2/x/%2E", "/v2/%zz", "/v2/a%00b", "/v2/a\r\nb", "/v2/\xff", "/.."} {
		c, sent := silentServer(t)
		err := c.Do(context.Background(), http.MethodGet, path, nil, nil, nil)
		assert.ErrorIs(t, err, alianza.ErrInvalidInput, "%q", path)
		assert.Zero(t, sent.Load(), "%q", path)
	}
}

// Every operation refuses a nil context before sending anything.
func TestNilContextEveryOperation(t *testing.T) {
	for _, op := range confOps {
		t.Run(op.Name, func(t *testing.T) {
			c, sent := silentServer(t)
			var nilCtx context.Context
			var err error
			require.NotPanics(t, func() { err = op.Call(nilCtx, c) })
			assert.ErrorIs(t, err, alianza.ErrInvalidInput)
			var ve *alianza.ValidationError
			assert.True(t, errors.As(err, &ve), "%T %v", err, err)
			assert.Zero(t, sent.Load())
		})
	}
}

func TestWithPartitionRefusesUnusableIDs(t *testing.T) {
	for name, id := range badIDs {
		_, err := alianza.New(confCredentials(), alianza.WithPartition(id))
		assert.ErrorIs(t, err, alianza.ErrInvalidInput, name)
	}
	_, err := alianza.New(confCredentials(), alianza.WithPartition("a/b"))
	assert.ErrorIs(t, err, alianza.ErrInvalidInput)
}
