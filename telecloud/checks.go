package telecloud

import "strings"

// Local checks shared by the requests' validate methods. Each returns a
// *ValidationError naming the Go field and its wire name; empty values pass
// (the tables' required marks catch what must be given).

// blank reports a value that is empty or white space only: not given, for
// a value that must be.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// flagParam checks a Flag field (empty allowed).
func flagParam(field, param string, f Flag) error {
	if f.Valid() {
		return nil
	}
	return invalidField(field, param, "must be Y or N")
}

// accountTypeParam checks an AccountType field (empty allowed).
func accountTypeParam(field, param string, t AccountType) error {
	switch t {
	case "", AccountCore, AccountVAR, AccountPartner, AccountAffiliate:
		return nil
	}
	return invalidField(field, param, "must be CORE, VAR, PARTNER or AFFILIATE")
}

// cloudAccountParams checks a cloud account type/number pair: a known type,
// and a number only with its type (the reference always gives the two
// together; Reports/Search says so).
func cloudAccountParams(typeField, typeParam string, t AccountType, numberField, number string) error {
	if err := accountTypeParam(typeField, typeParam, t); err != nil {
		return err
	}
	if number != "" && t == "" {
		return invalidField(typeField, typeParam, "is required with "+numberField)
	}
	return nil
}

// amountParam checks an amount TeleCloud wants "in full dollar form" (10.00):
// positive, in whole cents. An unset amount is left to the required check.
func amountParam(field, param string, m Money) error {
	if !m.IsSet() {
		return nil
	}
	if m.Cmp(Money{}) <= 0 {
		return invalidField(field, param, "must be more than 0.00")
	}
	if !m.IsWholeCents() {
		return invalidField(field, param, "must be in whole cents (full dollar form, e.g. 10.00)")
	}
	return nil
}

// priceParam checks a price in full dollar form: zero or more, whole cents.
func priceParam(field, param string, m Money) error {
	if !m.IsSet() {
		return nil
	}
	if m.Cmp(Money{}) < 0 {
		return invalidField(field, param, "must not be negative")
	}
	if !m.IsWholeCents() {
		return invalidField(field, param, "must be in whole cents (full dollar form, e.g. 10.00)")
	}
	return nil
}

// checkPaymentMethodType checks a PaymentType field (empty allowed).
func checkPaymentMethodType(field, param string, t PaymentType) error {
	switch t {
	case "", PaymentCard, PaymentBank:
		return nil
	}
	return invalidField(field, param, "must be CC or BA")
}

// isDigitsLen reports whether s is n to m ASCII digits.
func isDigitsLen(s string, n, m int) bool {
	if len(s) < n || len(s) > m {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkCloudAccountPair is cloudAccountParams for the usual field names.
func checkCloudAccountPair(typ AccountType, number string) error {
	return cloudAccountParams("CloudAccountType", "cloud_account_type", typ, "CloudAccountNumber", number)
}
