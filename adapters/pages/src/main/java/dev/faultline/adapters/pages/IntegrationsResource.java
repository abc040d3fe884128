package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.in.RevokeIntegration;
import dev.faultline.application.access.port.in.StartBrowserSession;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;

/**
 * My Integrations ({@code /settings/integrations}): see every connection and cut off one app or everything. The
 * personal-token forms on the same page post to {@link PersonalTokensResource}.
 */
@Path(IntegrationsResource.PAGE)
@PageResponse
public class IntegrationsResource {
    static final String PAGE = "/settings/integrations";

    private final SettingsForms forms;
    private final IntegrationsPage page;
    private final RevokeIntegration revokeIntegration;
    private final RevokeAllAccess revokeAll;
    private final StartBrowserSession startSession;

    public IntegrationsResource(SettingsForms forms, IntegrationsPage page, RevokeIntegration revokeIntegration,
            RevokeAllAccess revokeAll, StartBrowserSession startSession) {
        this.forms = Objects.requireNonNull(forms);
        this.page = Objects.requireNonNull(page);
        this.revokeIntegration = Objects.requireNonNull(revokeIntegration);
        this.revokeAll = Objects.requireNonNull(revokeAll);
        this.startSession = Objects.requireNonNull(startSession);
    }

    @GET
    public Response page(@Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = forms.signedIn(headers);
        if (signedIn.isEmpty()) {
            return forms.signInFirst();
        }
        Optional<String> notice = forms.cookies().notice(headers.getCookies());
        Response.ResponseBuilder shown = page.render(200, signedIn.get(),
                notice.flatMap(Notice::fromParameter).orElse(null), TokenForm.blank());
        notice.ifPresent(shownOnce -> shown.header(HttpHeaders.SET_COOKIE, forms.cookies().clearNotice()));
        return shown.build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeIntegration(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return forms.change(form, headers, signedIn -> {
            Optional<ClientId> client = clientId(SettingsForms.single(form, "client_id"));
            int revoked = client.map(id -> revokeIntegration.revoke(signedIn.user(), id).revokedChains()).orElse(0);
            return forms.backWith(revoked > 0 ? Notice.INTEGRATION_REVOKED : Notice.NOTHING_TO_REVOKE);
        });
    }

    /** Asks first, saying how much will end: one click must not silently break every app and script. */
    @GET
    @Path("revoke-all")
    public Response confirmRevokeAll(@Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = forms.signedIn(headers);
        if (signedIn.isEmpty()) {
            return forms.signInFirst();
        }
        return page.renderRevokeAll(signedIn.get()).build();
    }

    @POST
    @Path("revoke-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeAll(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return forms.change(form, headers, signedIn -> {
            if (!"yes".equals(SettingsForms.single(form, "sign_out_other_browsers"))) {
                revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(signedIn.user()));
                return forms.backWith(Notice.ALL_REVOKED);
            }
            // Every session ends, this one too: a copied cookie is this browser's cookie. Then this browser alone
            // gets a fresh session (new secret, new CSRF token), so the person stays on the page.
            revokeAll.revokeAll(RevokeAllAccess.Command.everything(signedIn.user()));
            StartBrowserSession.Started fresh = startSession.start(
                    new StartBrowserSession.Command(signedIn.user(), Optional.empty()));
            return Response.fromResponse(forms.backWith(Notice.ALL_REVOKED_AND_SIGNED_OUT))
                    .header(HttpHeaders.SET_COOKIE, forms.cookies().startSession(fresh.secret(), fresh.expiresAt()))
                    .build();
        });
    }

    private static Optional<ClientId> clientId(String value) {
        try {
            return Optional.of(new ClientId(value));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }
}
