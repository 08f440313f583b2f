package alianza

import "log/slog"

// The types below send a secret in clear through MarshalJSON (the server
// needs the SIP password or the port's wireless PIN). slog's JSON handler
// would use that MarshalJSON too, so each resolves, for logging, to a form
// without it, in which the Secret prints REDACTED.

type (
	logDeviceLine       DeviceLine
	logPort             Port
	logUser             User
	logNumberActivation NumberActivation
)

// LogValue implements slog.LogValuer: the SIP password is REDACTED.
func (d DeviceLine) LogValue() slog.Value { return slog.AnyValue(logDeviceLine(d)) }

// LogValue implements slog.LogValuer: the wireless PIN is REDACTED.
func (p Port) LogValue() slog.Value { return slog.AnyValue(logPort(p)) }

// LogValue implements slog.LogValuer: the SIP passwords of the user's
// devices are REDACTED.
func (u User) LogValue() slog.Value {
	devices := make([]logDeviceLine, len(u.Devices))
	for i, d := range u.Devices {
		devices[i] = logDeviceLine(d)
	}
	return slog.AnyValue(struct {
		logUser
		Devices []logDeviceLine `json:"devices,omitempty"`
	}{logUser(u), devices})
}

// LogValue implements slog.LogValuer: the port's wireless PIN is REDACTED.
func (a NumberActivation) LogValue() slog.Value {
	var port *logPort
	if a.Port != nil {
		p := logPort(*a.Port)
		port = &p
	}
	return slog.AnyValue(struct {
		logNumberActivation
		Port *logPort `json:"port,omitempty"`
	}{logNumberActivation(a), port})
}
