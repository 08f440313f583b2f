package alianza

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const deviceJSON = `{"id":"d1","deviceTypeId":"dt","accountId":"a1","partitionId":"part 1","macAddress":"0004f2abcdef",` +
	`"deviceName":"Front desk","emergencyNumber":"5551234567","faxEnabled":false,"lineNumber":1,"userId":"u1",` +
	`"sipPassword":"s1p-s3cret","sipUsername":"acme-100","lineType":"Line"}`

func TestDeviceLinesWire(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v2/partition/part 1/account/a1/deviceline":
			return 200, "[" + deviceJSON + `,{"id":"d2","lineType":"SpeedDialUse","sipUsername":"x"},{"id":"d3","lineType":"Line"}]`
		case r.Method == http.MethodDelete:
			return 204, ""
		}
		return 200, deviceJSON
	})
	ctx := context.Background()

	lines, err := c.DeviceLines.List(ctx, "a1", &DeviceLineListOptions{})
	require.NoError(t, err)
	require.Len(t, lines, 3)
	d := lines[0]
	assert.Equal(t, "s1p-s3cret", d.SIPPassword.Reveal())
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v", d, d, lines), "s1p-s3cret")
	assert.Equal(t, "GET /v2/partition/part%201/account/a1/deviceline", w.last(t).method+" "+w.last(t).path)

	sip, err := c.DeviceLines.SIPLines(ctx, "a1")
	require.NoError(t, err)
	require.Len(t, sip, 1, "only Line types with a SIP username")
	assert.Equal(t, SIPLine{DeviceID: "d1", LineNumber: 1, SIPUsername: "acme-100", SIPPassword: NewSecret("s1p-s3cret"),
		DisplayName: "Front desk", EmergencyNumber: "5551234567", MACAddress: "0004f2abcdef"}, sip[0])

	_, err = c.DeviceLines.ByMAC(ctx, "a1", "00:04:f2:ab:cd:ef")
	require.NoError(t, err)
	assert.Equal(t, "filter=0004f2abcdef&filterType=MAC_ADDRESS", w.last(t).query)

	created, err := c.DeviceLines.Create(ctx, "a1", DeviceLine{DeviceTypeID: "dt", DeviceName: "Front desk", UserID: "u1",
		SIPUsername: "acme-100", SIPPassword: NewSecret("s1p-s3cret"), MACAddress: "00-04-f2-ab-cd-ef"})
	require.NoError(t, err)
	assert.Equal(t, "d1", created.ID)
	var sent map[string]any
	require.NoError(t, json.Unmarshal(w.last(t).body, &sent))
	assert.Equal(t, "s1p-s3cret", sent["sipPassword"], "the password itself is sent")
	assert.Equal(t, "0004f2abcdef", sent["macAddress"], "the MAC is sent normalised")
	assert.Equal(t, http.MethodPost, w.last(t).method)

	created.DeviceName = "Lobby"
	_, err = c.DeviceLines.Update(ctx, "a1", *created)
	require.NoError(t, err)
	assert.Equal(t, "PUT /v2/partition/part%201/account/a1/deviceline/d1", w.last(t).method+" "+w.last(t).path)

	_, err = c.DeviceLines.Get(ctx, "a1", "d1")
	require.NoError(t, err)
	require.NoError(t, c.DeviceLines.Delete(ctx, "a1", "d1"))
	assert.Equal(t, http.MethodDelete, w.last(t).method)
}

func TestDeviceLineValidation(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, deviceJSON })
	ctx := context.Background()
	good := DeviceLine{DeviceTypeID: "dt", DeviceName: "n", UserID: "u1", SIPUsername: "acme-1"}
	bad := func(f func(*DeviceLine)) DeviceLine { d := good; f(&d); return d }
	for name, d := range map[string]DeviceLine{
		"no name":       bad(func(d *DeviceLine) { d.DeviceName = "" }),
		"no user":       bad(func(d *DeviceLine) { d.UserID = "" }),
		"no type":       bad(func(d *DeviceLine) { d.DeviceTypeID = "" }),
		"id set":        bad(func(d *DeviceLine) { d.ID = "x" }),
		"bad line type": bad(func(d *DeviceLine) { d.LineType = "Trunk" }),
		"negative line": bad(func(d *DeviceLine) { d.LineNumber = -1 }),
		"space in user": bad(func(d *DeviceLine) { d.SIPUsername = "a b" }),
		"short MAC":     bad(func(d *DeviceLine) { d.MACAddress = "0004F2ABCD" }),
		"non-hex MAC":   bad(func(d *DeviceLine) { d.MACAddress = "0004F2ABCDEG" }),
	} {
		_, err := c.DeviceLines.Create(ctx, "a1", d)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	_, err := c.DeviceLines.Create(ctx, "a1", bad(func(d *DeviceLine) { d.MACAddress = "zz" }))
	assert.ErrorIs(t, err, ErrInvalidMAC)
	_, err = c.DeviceLines.List(ctx, "a1", &DeviceLineListOptions{Type: "SERIAL", Value: "1"})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.DeviceLines.List(ctx, "a1", &DeviceLineListOptions{Type: FilterOwningUserID})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.DeviceLines.ByMAC(ctx, "a1", "nope")
	assert.ErrorIs(t, err, ErrInvalidMAC)
	_, err = c.DeviceLines.List(ctx, "", &DeviceLineListOptions{})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.DeviceLines.Update(ctx, "a1", good)
	assert.ErrorIs(t, err, ErrInvalidInput, "no ID")
	assert.ErrorIs(t, c.DeviceLines.Delete(ctx, "a1", ""), ErrInvalidInput)
	_, err = c.DeviceLines.Get(ctx, "a1", " ")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Zero(t, w.count())
}

func TestNormalizeMAC(t *testing.T) {
	for in, want := range map[string]string{
		"0004f2abcdef": "0004f2abcdef", "00:04:F2:AB:CD:EF": "0004f2abcdef", "0004.f2ab.cdef": "0004f2abcdef", " 00-04-f2-ab-cd-ef ": "0004f2abcdef",
	} {
		got, ok := NormalizeMAC(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "0004f2abcde", "0004f2abcdef0", "0004f2abcdeg", "00 04 f2 ab cd ef"} {
		_, ok := NormalizeMAC(in)
		assert.False(t, ok, in)
	}
}

func TestUsersWire(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v2/partition/part 1/account/a1/user":
			return 200, `[{"id":"u1","firstName":"Ada","timeZone":"US/Eastern","extension":"1001","devices":[` + deviceJSON + `]}]`
		case r.Method == http.MethodDelete:
			return 204, ""
		}
		return 200, `{"id":"u1","firstName":"Ada","timeZone":"US/Eastern","extension":"1001"}`
	})
	ctx := context.Background()
	users, err := c.Users.List(ctx, "a1")
	require.NoError(t, err)
	require.Len(t, users, 1)
	require.Len(t, users[0].Devices, 1)
	assert.Equal(t, "acme-100", users[0].Devices[0].SIPUsername)

	u, err := c.Users.Create(ctx, "a1", User{FirstName: "Ada", LastName: "Lovelace", TimeZone: "US/Eastern", Extension: "1001"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"firstName":"Ada","lastName":"Lovelace","timeZone":"US/Eastern","extension":"1001"}`, string(w.last(t).body))
	u.FirstName = "Augusta"
	_, err = c.Users.Update(ctx, "a1", *u)
	require.NoError(t, err)
	assert.Equal(t, "PUT /v2/partition/part%201/account/a1/user/u1", w.last(t).method+" "+w.last(t).path)
	_, err = c.Users.Get(ctx, "a1", "u1")
	require.NoError(t, err)
	require.NoError(t, c.Users.Delete(ctx, "a1", "u1"))
	n := w.count()

	for name, u := range map[string]User{
		"no time zone":   {FirstName: "A"},
		"bad time zone":  {TimeZone: "Mars/Base"},
		"bad extension":  {TimeZone: "US/Eastern", Extension: "12a"},
		"long extension": {TimeZone: "US/Eastern", Extension: "1234567"},
		"bad type":       {TimeZone: "US/Eastern", EndUserType: "ROOT"},
		"bad plan":       {TimeZone: "US/Eastern", UserProductPlan: "GOLD"},
		"id set":         {ID: "u9", TimeZone: "US/Eastern"},
	} {
		_, err := c.Users.Create(ctx, "a1", u)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	_, err = c.Users.Update(ctx, "a1", User{})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.Users.Get(ctx, "a1", "")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, c.Users.Delete(ctx, "a1", ""), ErrInvalidInput)
	assert.Equal(t, n, w.count(), "nothing sent for bad input")
}
