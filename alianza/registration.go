package alianza

import (
	"context"
	"net/http"
)

// RegistrationStatus is whether a device line's device is registered with
// Alianza's SIP registrar (the spec's RegistrationStatusX; the call is seen
// against production).
type RegistrationStatus struct {
	Registered bool `json:"registered"`
}

// RegistrationStatus tells whether a device line is registered (GET
// …/deviceline/{deviceId}/registrationstatus): the CRM's status section
// shows it for each SIP line. An unknown line matches ErrNotFound.
func (s *DeviceLinesService) RegistrationStatus(ctx context.Context, accountID, deviceID string) (*RegistrationStatus, error) {
	const op = "DeviceLines.RegistrationStatus"
	if err := checkID(op, "deviceID", deviceID); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out RegistrationStatus
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: deviceLinesPath(p, accountID, deviceID, "registrationstatus")}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
