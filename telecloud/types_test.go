package telecloud

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMoney(t *testing.T) {
	cases := []struct {
		in, want string
		cents    int64
	}{
		{"100.00", "100.00", 10000},
		{"$10.00", "10.00", 1000},
		{"-$1.25", "-1.25", -125},
		{"$-1.25", "-1.25", -125},
		{"1,000.50", "1000.50", 100050},
		{"0.0050", "0.005", 0},
		{"8", "8.00", 800},
		{".5", "0.50", 50},
		{" 3.1 ", "3.10", 310},
	}
	for _, tc := range cases {
		m, err := ParseMoney(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, m.String(), tc.in)
		assert.Equal(t, tc.cents, m.Cents(), tc.in)
		assert.True(t, m.IsSet())
	}
	for _, bad := range []string{"", "$", "abc", "1.2.3", "1.23456", "--1", "1e5", "99999999999999999999"} {
		_, err := ParseMoney(bad)
		assert.Error(t, err, bad)
	}
}

func TestMoneyArithmeticAndText(t *testing.T) {
	a, b := MustMoney("10.00"), MustMoney("0.25")
	assert.Equal(t, "10.25", a.Add(b).String())
	assert.Equal(t, "9.75", a.Sub(b).String())
	assert.Equal(t, 1, a.Cmp(b))
	assert.Equal(t, -1, b.Cmp(a))
	assert.Equal(t, 0, a.Cmp(MoneyFromCents(1000)))
	assert.True(t, a.IsWholeCents())
	assert.False(t, MustMoney("0.005").IsWholeCents())
	assert.Equal(t, "0.00", MoneyFromCents(0).String(), "a set zero is sent")
	assert.Equal(t, "", Money{}.String(), "the zero Money is unset")

	var m Money
	require.NoError(t, m.UnmarshalText([]byte("")))
	assert.False(t, m.IsSet())
	require.NoError(t, m.UnmarshalText([]byte("$5.00")))
	assert.Equal(t, int64(500), m.Cents())
	assert.Error(t, m.UnmarshalText([]byte("five")))
	assert.Panics(t, func() { MustMoney("x") })
}

func TestFlag(t *testing.T) {
	var f Flag
	for in, want := range map[string]Flag{"Y": Yes, "y": Yes, "YES": Yes, "N": No, "no": No, "": ""} {
		require.NoError(t, f.UnmarshalText([]byte(in)), in)
		assert.Equal(t, want, f, in)
	}
	assert.Error(t, f.UnmarshalText([]byte("maybe")))
	assert.True(t, Yes.Bool())
	assert.False(t, No.Bool())
	assert.Equal(t, Yes, FlagOf(true))
	assert.Equal(t, No, FlagOf(false))
	assert.True(t, Flag("").Valid())
	assert.False(t, Flag("X").Valid())
}

func TestParseTime(t *testing.T) {
	cases := map[string]time.Time{
		"October 18th, 2019 12:21pm":  time.Date(2019, 10, 18, 12, 21, 0, 0, time.UTC),
		"September 1st, 2019 12:00am": time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC),
		"2019-06-01 13:10:01":         time.Date(2019, 6, 1, 13, 10, 1, 0, time.UTC),
		"2019-03-28":                  time.Date(2019, 3, 28, 0, 0, 0, 0, time.UTC),
		"8/15/2019":                   time.Date(2019, 8, 15, 0, 0, 0, 0, time.UTC),
	}
	for in, want := range cases {
		got, err := ParseTime(in)
		require.NoError(t, err, in)
		assert.True(t, want.Equal(got.Time), "%s: %v", in, got.Time)
		assert.Equal(t, in, got.Raw)
		b, _ := got.MarshalText()
		assert.Equal(t, in, string(b))
	}
	z, err := ParseTime("0000-00-00 00:00:00")
	require.NoError(t, err)
	assert.True(t, z.IsZero())
	_, err = ParseTime("yesterday")
	assert.Error(t, err)
	b, _ := Time{Time: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)}.MarshalText()
	assert.Equal(t, "2020-01-02 03:04:05", string(b))
	assert.True(t, mustTime("2019-03-28").Equal(Time{Time: time.Date(2019, 3, 28, 0, 0, 0, 0, time.UTC)}))
}

func TestStatusAndOrderStatus(t *testing.T) {
	assert.Equal(t, "ACTIVE", StatusActive.String())
	assert.Equal(t, "SUSPENDED", StatusSuspended.String())
	assert.Equal(t, "DELETED", StatusDeleted.String())
	assert.Equal(t, "7", Status(7).String())
	assert.True(t, OrderPending.Pending())
	assert.True(t, OrderStatus("pending").Pending())
	assert.False(t, OrderActive.Pending())
}

func TestVariablesHelpers(t *testing.T) {
	vs := Variables{{Slot: 1, Name: "IMEI", Value: "35"}, {Slot: 3, Name: "MDN"}}
	v, ok := vs.Slot(3)
	assert.True(t, ok)
	assert.Equal(t, "MDN", v.Name)
	_, ok = vs.Slot(2)
	assert.False(t, ok)
	v, ok = vs.ByName("imei")
	assert.True(t, ok)
	assert.Equal(t, 1, v.Slot)
	_, ok = vs.ByName("ICCID")
	assert.False(t, ok)
	assert.Equal(t, VarValues{1: "35"}, vs.Values())
	vv := VarValues{}.Set(2, "x").Set(1, "y")
	assert.Equal(t, []int{1, 2}, vv.slots())
	assert.NoError(t, vv.check())
	assert.Error(t, VarValues{21: "x"}.check())
	assert.Error(t, VarValues{0: "x"}.check())
	for in, want := range map[string]int{"VAR1": 1, "VAR20": 20, "var7": 7} {
		n, ok := parseSlot(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, n)
	}
	for _, bad := range []string{"VAR0", "VAR21", "VAR01", "VAR", "VARX", "VARIABLE", "VAR+1"} {
		_, ok := parseSlot(bad)
		assert.False(t, ok, bad)
	}
}

func TestQuantity(t *testing.T) {
	for in, want := range map[string]string{"1514": "1514", "2.5": "2.5", "0.007": "0.007", "0": "0", "1.50": "1.5", "-3": "-3"} {
		q, err := ParseQuantity(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, q.String(), in)
		b, _ := q.MarshalText()
		assert.Equal(t, want, string(b))
	}
	for _, bad := range []string{"$1", "1,000", "x", "1.23456"} {
		_, err := ParseQuantity(bad)
		assert.Error(t, err, bad)
	}
	var q Quantity
	require.NoError(t, q.UnmarshalText([]byte(" ")))
	assert.False(t, q.IsSet())
	require.NoError(t, q.UnmarshalText([]byte("12")))
	n, whole := q.Whole()
	assert.Equal(t, int64(12), n)
	assert.True(t, whole)
	assert.Equal(t, 0, q.Cmp(QuantityOf(12)))
	assert.Equal(t, -1, QuantityOf(1).Cmp(q))
	assert.Error(t, q.UnmarshalText([]byte("lots")))
	assert.Equal(t, "", Quantity{}.String())
}
