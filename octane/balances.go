package octane

import (
	"context"
	"strings"
)

// ServiceBalance is what queryBalanceV3 reports about one service: its
// balances, among them its data allowance and use. For a consumer of a data
// pool it is the per-service half of step 6 (the pool's own totals come from
// DataPools.Get).
type ServiceBalance struct {
	CustNo    string
	LineSeqNo string
	// Balances are the service's balances as the server lists them.
	Balances []Balance
}

// Balance is one balance of a service.
//
// The server writes its amounts in allowanceFmt and usedFmt, whose format
// no vendor document gives [field: 1 client]. The one public client that
// reads them casts them to integers and divides by 1024³ to show gigabytes,
// so a bare integer is read as bytes; the names say "formatted", so a number
// with a unit ("5 GB", "512MB") is read too, with ParseSize's binary units.
// Anything else (a bare decimal, "Unlimited", a sign) is not guessed at: the
// text is kept and the Size stays 0. Only DATA balances are read as sizes;
// the others' units are unknown.
type Balance struct {
	// Type is the balance's type as the server writes it, e.g. "DATA".
	Type string
	// AllowanceText and UsedText are allowanceFmt and usedFmt as sent.
	AllowanceText string
	UsedText      string
	// Allowance and Used are those texts as data sizes, for a DATA balance
	// whose texts read unambiguously (Sized); 0 otherwise.
	Allowance Size
	Used      Size
	// Sized reports that Allowance and Used were both read from their texts.
	Sized bool
}

// IsData reports a data balance (type DATA).
func (b Balance) IsData() bool { return strings.EqualFold(strings.TrimSpace(b.Type), balanceTypeData) }

// Data returns the service's data allowance and use: the sums over its DATA
// balances, as the public client that reads this call does. ok is false when
// there is no DATA balance or one of them could not be read (see Balance).
func (s *ServiceBalance) Data() (allowance, used Size, ok bool) {
	for _, b := range s.Balances {
		if !b.IsData() {
			continue
		}
		if !b.Sized {
			return 0, 0, false
		}
		allowance += b.Allowance
		used += b.Used
		ok = true
	}
	return allowance, used, ok
}

// Balance reads a service's balances (SOAP queryBalanceV3 on UtbMobile),
// keyed as the REST calls are by the customer and the service's line
// sequence number (Services.Detail finds it from a service number; a pool's
// consumers carry theirs). Retried per the policy.
func (s *ServicesService) Balance(ctx context.Context, custNo, lineSeqNo string) (*ServiceBalance, error) {
	op := opQueryBalance.name
	if err := checkID(op, "custNo", custNo); err != nil {
		return nil, err
	}
	if err := checkID(op, "lineSeqNo", lineSeqNo); err != nil {
		return nil, err
	}
	ret, _, err := soapCall[xmlBalanceReturn](ctx, s.c, opQueryBalance, xmlBalanceRequest{CustNo: custNo, LineSeqNo: lineSeqNo})
	if err != nil {
		return nil, err
	}
	out := &ServiceBalance{CustNo: custNo, LineSeqNo: lineSeqNo, Balances: make([]Balance, 0, len(ret.Balances))}
	for _, x := range ret.Balances {
		b := Balance{
			Type:          strings.TrimSpace(x.Type),
			AllowanceText: strings.TrimSpace(x.Allowance),
			UsedText:      strings.TrimSpace(x.Used),
		}
		if b.IsData() {
			a, aok := balanceSize(b.AllowanceText)
			u, uok := balanceSize(b.UsedText)
			if aok && uok {
				b.Allowance, b.Used, b.Sized = a, u, true
			}
		}
		out.Balances = append(out.Balances, b)
	}
	return out, nil
}

// balanceSize reads an allowanceFmt or usedFmt where the reading is
// unambiguous: a bare integer is bytes, a number followed by a unit is read
// by ParseSize. A bare decimal, an empty text or anything else is not read.
func balanceSize(text string) (Size, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, false
	}
	if strings.Trim(t, "0123456789") == "" {
		n, err := ParseSize(t)
		return n, err == nil
	}
	if strings.IndexFunc(t, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) < 0 {
		return 0, false // a bare decimal: no unit to read it by
	}
	n, err := ParseSize(t)
	return n, err == nil
}
