package flex

import (
	"encoding/json"
	"testing"
)

func TestLenientScalars(t *testing.T) {
	type row struct {
		S String `json:"s"`
		I Int    `json:"i"`
		B Bool   `json:"b"`
	}
	cases := []struct {
		in   string
		want row
		bad  bool
	}{
		{in: `{"s":"x","i":5,"b":true}`, want: row{"x", 5, true}},
		{in: `{"s":12,"i":"12","b":"true"}`, want: row{"12", 12, true}},
		{in: `{"s":null,"i":null,"b":null}`, want: row{}},
		{in: `{"s":"caf\u00e9","i":" 7 ","b":"0"}`, want: row{"café", 7, false}},
		{in: `{"i":"5.0","b":1}`, want: row{I: 5, B: true}},
		{in: `{"i":-42}`, want: row{I: -42}},
		{in: `{"s":true}`, want: row{S: "true"}},
		{in: `{"s":{}}`, bad: true},
		{in: `{"i":"5.5"}`, bad: true},
		{in: `{"i":"many"}`, bad: true},
		{in: `{"b":"yes"}`, bad: true},
	}
	for _, c := range cases {
		var got row
		err := json.Unmarshal([]byte(c.in), &got)
		if c.bad {
			if err == nil {
				t.Errorf("%s: decoded to %+v, want an error", c.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.in, got, c.want)
		}
	}
}
