package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.RevokePersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The personal-token forms of My Integrations. Creating answers with the one page that shows the token (or My
 * Integrations again with every field error, and nothing created); revoking goes back with a notice. Another
 * user's token is "not found", as the use case says.
 */
@Path("/settings/tokens")
@PageResponse
public class PersonalTokensResource {
    private final SettingsForms forms;
    private final IntegrationsPage page;
    private final CreatePersonalToken createToken;
    private final RevokePersonalToken revokeToken;
    private final Clock clock;

    public PersonalTokensResource(SettingsForms forms, IntegrationsPage page, CreatePersonalToken createToken,
            RevokePersonalToken revokeToken, Clock clock) {
        this.forms = Objects.requireNonNull(forms);
        this.page = Objects.requireNonNull(page);
        this.createToken = Objects.requireNonNull(createToken);
        this.revokeToken = Objects.requireNonNull(revokeToken);
        this.clock = Objects.requireNonNull(clock);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return forms.change(form, headers, signedIn -> {
            TokenFormInput input = TokenFormInput.read(form);
            if (!input.valid()) {
                return page.render(400, signedIn, null, input.shown()).build();
            }
            CreatePersonalToken.Created created = createToken.create(new CreatePersonalToken.Command(signedIn.user(),
                    input.validTitle(), input.validScopes(), input.validLifetime().map(clock.instant()::plus)));
            return Pages.html(200, new TokenCreatedView(Navigation.of(signedIn), created, page.mcpUrl())).build();
        });
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return forms.change(form, headers, signedIn -> {
            Optional<PersonalTokenId> id = tokenId(SettingsForms.single(form, "token_id"));
            if (id.isEmpty()) {
                return forms.backWith(Notice.TOKEN_NOT_FOUND);
            }
            return forms.backWith(revokeToken.revoke(signedIn.user(), id.get()).fold(
                    revoked -> Notice.TOKEN_REVOKED,
                    alreadyRevoked -> Notice.TOKEN_ALREADY_REVOKED,
                    notFound -> Notice.TOKEN_NOT_FOUND));
        });
    }

    private static Optional<PersonalTokenId> tokenId(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(PersonalTokenId.parse(value));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }
}
