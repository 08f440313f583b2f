package alianza

// This file holds the Alianza wire details the Go types do not: hosts,
// paths, query parameters and header names, all from the vendor's OpenAPI
// spec (alianza-openapi.yml, Alianza Public API v2). JSON field names are the
// struct tags of the public types, copied from the spec's schemas.

import (
	"net/url"
	"strings"
)

// Hosts of the Alianza Public API (alianza-notes.md). Integrations are
// certified on beta first.
const (
	ProductionBaseURL = "https://api.alianza.com"
	BetaBaseURL       = "https://api.b2.alianza.com"
)

const (
	// headerAuthToken is the spec's X-AUTH-TOKEN in Go's canonical spelling,
	// so that Header.Get in interceptors and RoundTrippers finds it (header
	// names are case-insensitive on the wire).
	headerAuthToken = "X-Auth-Token"

	pathAuthorize = "/v2/authorize"        // POST logUserIn
	pathLogout    = "/v2/authorize/logout" // PUT logOut

	queryAccountIDType = "accountIdType" // retrieveAccount: Id, AccountNumber, PhoneNumber, MacAddress
	querySearch        = "q"             // accountSearch
)

// partitionPath is /v2/partition/{partitionId} followed by the escaped
// segments, built with one allocation.
func partitionPath(partition string, segments ...string) string {
	const prefix = "/v2/partition/"
	partition = url.PathEscape(partition) // returns its argument when nothing needs escaping
	n := len(prefix) + len(partition)
	for _, seg := range segments {
		n += 1 + len(url.PathEscape(seg)) // no allocation unless seg needs escaping
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(prefix)
	b.WriteString(partition)
	for _, seg := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(seg))
	}
	return b.String()
}

// Account paths under the partition.
func accountsPath(partition string) string { return partitionPath(partition, "account") }
func accountSearchPath(partition string) string {
	return partitionPath(partition, "account", "search")
}
func accountPath(partition, id string) string { return partitionPath(partition, "account", id) }

// wireLogin is the Login schema.
type wireLogin struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// wireLoginToken is the part of LoginTokenX the client uses.
type wireLoginToken struct {
	AuthToken      string `json:"authToken"`
	UserID         string `json:"userId"`
	UserType       string `json:"userType"`
	Username       string `json:"username"`
	PartitionID    string `json:"partitionId"`
	PartitionName  string `json:"partitionName"`
	AccountID      string `json:"accountId"`
	MaxLifeInHours int    `json:"maxLifeInHours"`
}
