package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.FormParameters;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.GrantType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token endpoint (RFC 6749 §3.2): {@code authorization_code} (with PKCE and RFC 8707 {@code resource}) and
 * {@code refresh_token}. Every response, success or error, carries {@code Cache-Control: no-store} and
 * {@code Pragma: no-cache}.
 */
@Path(TokenResource.PATH)
@OAuthEndpoint
@OpenToBrowsers
public class TokenResource {
    public static final String PATH = "/mcp/oauth/token";

    private final ExchangeAuthorizationCode exchangeAuthorizationCode;
    private final RefreshTokens refreshTokens;
    private final int maxFormBytes;

    public TokenResource(ExchangeAuthorizationCode exchangeAuthorizationCode, RefreshTokens refreshTokens) {
        this(exchangeAuthorizationCode, refreshTokens, FormRequest.DEFAULT_MAX_BODY_BYTES);
    }

    /** @param maxFormBytes the largest form body read; a larger one is {@code invalid_request} with 413 */
    public TokenResource(ExchangeAuthorizationCode exchangeAuthorizationCode, RefreshTokens refreshTokens,
            int maxFormBytes) {
        this.exchangeAuthorizationCode = Objects.requireNonNull(exchangeAuthorizationCode);
        this.refreshTokens = Objects.requireNonNull(refreshTokens);
        if (maxFormBytes < 1024) {
            throw new IllegalArgumentException("maxFormBytes must be at least 1024, was " + maxFormBytes);
        }
        this.maxFormBytes = maxFormBytes;
    }

    @POST
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) throws IOException {
        return FormRequest.read(contentType, contentLength, body, maxFormBytes).fold(
                form -> token(form.parameters(), authorization),
                FormRequest.Read.Refused::response);
    }

    private Response token(FormParameters form, String authorization) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return TokenEndpointErrors.of(TokenOutcome.Error.INVALID_REQUEST, "grant_type is required", false);
        }
        Optional<GrantType> grant = GrantType.fromWireName(grantType);
        if (grant.isEmpty()) {
            return TokenEndpointErrors.of(TokenOutcome.Error.UNSUPPORTED_GRANT_TYPE, "grant_type \""
                    + FormParameters.printable(grantType) + "\" is not supported; supported: "
                    + String.join(", ", GrantType.wireNames()), false);
        }
        return ClientAuthenticationRequest.read(authorization, form).fold(
                client -> grant(grant.get(), client.credentials(), form).fold(
                        issued -> issued(issued.tokens()),
                        failed -> client.error(failed.error(), failed.description())),
                ClientAuthenticationRequest.Result.Problem::response);
    }

    private TokenOutcome grant(GrantType grant, ClientCredentials credentials, FormParameters form) {
        return switch (grant) {
            case AUTHORIZATION_CODE -> exchangeAuthorizationCode.exchange(new ExchangeAuthorizationCode.Command(
                    credentials, form.find("code"), form.find("redirect_uri"), form.find("code_verifier"),
                    form.find("resource")));
            case REFRESH_TOKEN -> refreshTokens.refresh(new RefreshTokens.Command(credentials,
                    form.find("refresh_token"), form.find("scope"), form.find("resource")));
        };
    }

    private static Response issued(TokenOutcome.Tokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", tokens.tokenType());
        body.put("expires_in", tokens.expiresInSeconds());
        body.put("refresh_token", tokens.refreshToken());
        body.put("scope", tokens.scopes().asString());
        return OAuthResponses.noStore(OAuthResponses.json(Response.Status.OK, body)).build();
    }
}
