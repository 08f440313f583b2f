package octane

import (
	"context"
	"fmt"
	"strings"
)

// ServicesService is the SOAP lookup of a service: its details
// (getServiceDetail on UtbServiceV3) and its balances (queryBalanceV3 on
// UtbMobile).
type ServicesService struct{ c *Client }

// ServiceDetail is what getServiceDetail reports about a service.
type ServiceDetail struct {
	CustNo        string
	ServiceNumber string
	// LineSeqNo is the service's line sequence number within the customer: the
	// key of every REST data-pool call.
	LineSeqNo string
	// Status and PlanNo are read where the server sends them [guess].
	Status string
	PlanNo string
}

// Detail looks a service up by number (step 2, SOAP getServiceDetail), for
// its line sequence number: a new pool's, or a consumer's before its limit is
// set. An answer without the service matches ErrUnknownService. Retried per
// the policy.
func (s *ServicesService) Detail(ctx context.Context, custNo, serviceNumber string) (*ServiceDetail, error) {
	op := opGetServiceDetail.name
	if err := checkID(op, "custNo", custNo); err != nil {
		return nil, err
	}
	if err := checkID(op, "serviceNumber", serviceNumber); err != nil {
		return nil, err
	}
	ret, resp, err := soapCall[xmlServiceDetailReturn](ctx, s.c, opGetServiceDetail, xmlServiceDetailRequest{CustNo: custNo, ServiceNumber: serviceNumber})
	if err != nil {
		return nil, err
	}
	var found *xmlInstance
	for i := range ret.Instances {
		in := &ret.Instances[i]
		sn := strings.TrimSpace(in.ServiceNumber)
		if strings.TrimSpace(in.LineSeqNo) != "" && (sn == "" || sn == serviceNumber) {
			found = in
			break
		}
	}
	if found == nil {
		// The service number may come from an earlier answer (Pools.Create).
		e := answerError(SOAP, op, resp)
		e.Message = "no instance with a lineSeqno for service " + s.c.scrubber(resp).Scrub(serviceNumber)
		e.Err = fmt.Errorf("%w (%w)", ErrUnknownService, ErrBadResponse)
		return nil, e
	}
	return &ServiceDetail{
		CustNo:        custNo,
		ServiceNumber: serviceNumber,
		LineSeqNo:     strings.TrimSpace(found.LineSeqNo),
		Status:        strings.TrimSpace(found.Status),
		PlanNo:        strings.TrimSpace(found.PlanNo),
	}, nil
}
