package alianza

import (
	"context"
	"net/http"
	"net/url"
)

// The SSO configuration calls that take or give a certificate file: the
// identity provider's signing certificate is uploaded with the
// configuration (multipart/form-data), and the service provider's is
// downloaded. Both go through the shared paths of files.go.

// SSOConfigUploadRequest is what SSOConfigurations.UpdateForAccount and
// UpdateForPartition send (the multipart form of the spec's "Update SSO
// configuration").
type SSOConfigUploadRequest struct {
	// SSOName is the configuration's name. Required.
	SSOName string
	// IdentityProviderSignInURL is the IdP's sign-in endpoint. Required.
	IdentityProviderSignInURL string
	// ExternalIDAttributeFieldMapping is the SAML attribute of the
	// external id. Required.
	ExternalIDAttributeFieldMapping string
	// ExternalEmailAttributeFieldMapping is the SAML attribute of the
	// email; optional.
	ExternalEmailAttributeFieldMapping string
	// UserIDAttributeFieldMapping is the SAML attribute of the Alianza user
	// id: required by UpdateForPartition, not sent by UpdateForAccount.
	UserIDAttributeFieldMapping string
	// SAMLRequestProtocolBinding is "POST" or "REDIRECT"; optional.
	SAMLRequestProtocolBinding string
	// IdentityProviderLogoutURL is where SAML logout requests are sent
	// (UpdateForPartition only); optional.
	IdentityProviderLogoutURL string
	// Certificate is the IdP's signing certificate (PEM or CER). Required.
	Certificate UploadRequest
}

// check refuses a configuration without a required field; partition says
// whether the partition's form (with userIdAttributeFieldMapping) is sent.
func (u SSOConfigUploadRequest) check(op string, partition bool) error {
	switch {
	case u.SSOName == "":
		return invalid(op, "u.SSOName", "is empty")
	case u.IdentityProviderSignInURL == "":
		return invalid(op, "u.IdentityProviderSignInURL", "is empty")
	case u.ExternalIDAttributeFieldMapping == "":
		return invalid(op, "u.ExternalIDAttributeFieldMapping", "is empty")
	case partition && u.UserIDAttributeFieldMapping == "":
		return invalid(op, "u.UserIDAttributeFieldMapping", "is empty")
	}
	return checkUpload(op, "u.Certificate", u.Certificate)
}

func (u SSOConfigUploadRequest) fields(partition bool) []formField {
	f := []formField{
		{"ssoName", u.SSOName},
		{"identityProviderSignInUrl", u.IdentityProviderSignInURL},
		{"externalIdAttributeFieldMapping", u.ExternalIDAttributeFieldMapping},
		{"externalEmailAttributeFieldMapping", u.ExternalEmailAttributeFieldMapping},
		{"samlRequestProtocolBinding", u.SAMLRequestProtocolBinding},
	}
	if partition {
		f = append(f, formField{"userIdAttributeFieldMapping", u.UserIDAttributeFieldMapping}, formField{"idpLogoutUrl", u.IdentityProviderLogoutURL})
	}
	return f
}

// UpdateForAccount updates an account's SSO configuration with the
// identity provider's details and signing certificate (the spec's "Update
// SSO configuration", PUT /v2/authn/sso-config/accounts/{accountId},
// multipart/form-data, the certificate in
// "identityProviderSigningCertificate"). An upload is sent again only when
// it never reached the server. A bad id, a missing field and an empty or
// unnamed certificate are refused before anything is sent
// (ErrInvalidInput).
func (s *SSOConfigurationsService) UpdateForAccount(ctx context.Context, accountID string, u SSOConfigUploadRequest) (*SSOConfigResponse, error) {
	const op = "SSOConfigurations.UpdateForAccount"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	return s.update(ctx, op, genPath("authn", "sso-config", "accounts", accountID), u, false)
}

// UpdateForPartition updates a partition's enforced SSO configuration
// (the spec's "Update SSO configuration", PUT
// /v2/authn/sso-config/partitions/enforced/{partitionId}, as
// UpdateForAccount, with UserIDAttributeFieldMapping required).
func (s *SSOConfigurationsService) UpdateForPartition(ctx context.Context, partitionID string, u SSOConfigUploadRequest) (*SSOConfigResponse, error) {
	const op = "SSOConfigurations.UpdateForPartition"
	if err := checkID(op, "partitionID", partitionID); err != nil {
		return nil, err
	}
	return s.update(ctx, op, genPath("authn", "sso-config", "partitions", "enforced", partitionID), u, true)
}

func (s *SSOConfigurationsService) update(ctx context.Context, op, path string, u SSOConfigUploadRequest, partition bool) (*SSOConfigResponse, error) {
	if err := u.check(op, partition); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	var out SSOConfigResponse
	if _, err := s.c.upload(ctx, call{op: op, method: http.MethodPut, path: path}, u.fields(partition),
		[]formFile{{"identityProviderSigningCertificate", u.Certificate}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// AccountSigningCertificate downloads the service provider's signing
// certificate of an account's SAML configuration in format, "pem" or "cer"
// ("": the spec's default, pem) (the spec's "Download signing
// certificate", GET
// /v2/authn/sso-config/accounts/{accountId}/signing-certificate). A bad id
// is refused before anything is sent (ErrInvalidInput).
func (s *SSOConfigurationsService) AccountSigningCertificate(ctx context.Context, accountID, format string) (*File, error) {
	const op = "SSOConfigurations.AccountSigningCertificate"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, query: formatQuery(format),
		path: genPath("authn", "sso-config", "accounts", accountID, "signing-certificate")})
}

// PartitionSigningCertificate is AccountSigningCertificate for a
// partition's enforced SSO configuration (GET
// /v2/authn/sso-config/partitions/enforced/{partitionId}/signing-certificate).
func (s *SSOConfigurationsService) PartitionSigningCertificate(ctx context.Context, partitionID, format string) (*File, error) {
	const op = "SSOConfigurations.PartitionSigningCertificate"
	if err := checkID(op, "partitionID", partitionID); err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, query: formatQuery(format),
		path: genPath("authn", "sso-config", "partitions", "enforced", partitionID, "signing-certificate")})
}

func formatQuery(format string) url.Values {
	if format == "" {
		return nil
	}
	return url.Values{"format": {format}}
}
