package alianza_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ispkit/ispkit/alianza"
)

// TestFakeRefusesValuesOutsideTheSpecsEnums: the fake's generic store
// holds a generated call to the rules of the spec's schemas (here an
// enum's values), as the service does: a value outside them is a 400 the
// client reports as ErrValidation, with the field named; the spec's values
// pass.
func TestFakeRefusesValuesOutsideTheSpecsEnums(t *testing.T) {
	_, c := newE2E(t)
	ctx := context.Background()
	acct, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "ENUM-1", AccountName: "Enums",
		AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.VoicemailBoxes.Create(ctx, acct.ID, alianza.VoicemailBoxRequest{Type: alianza.VoicemailBoxType("Bogus")})
	var ae *alianza.Error
	if !errors.Is(err, alianza.ErrValidation) || !errors.As(err, &ae) || ae.HTTPStatus != 400 || len(ae.Messages) == 0 {
		t.Fatalf("a type outside the spec's: %v, want a 400 matching ErrValidation", err)
	}
	if _, err := c.VoicemailBoxes.Create(ctx, acct.ID, alianza.VoicemailBoxRequest{Type: alianza.VoicemailBoxType("Sub")}); err != nil {
		t.Fatalf("a type of the spec's: %v", err)
	}
}
