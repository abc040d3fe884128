package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.outage.OutageAnswer;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

/** The authorization server's endpoints answer an outage with {@code temporarily_unavailable}, never cached. */
public final class OAuthOutageAnswer implements OutageAnswer {
    @Override
    public boolean covers(ResourceInfo resource) {
        return OutageAnswer.marked(resource, OAuthEndpoint.class);
    }

    @Override
    public Response answer(Response.ResponseBuilder unavailable, String retry) {
        return OAuthResponses.noStore(unavailable.type(OAuthResponses.JSON).entity(OAuthResponses.write(
                OAuthResponses.error("temporarily_unavailable", "Faultline's database is unavailable; " + retry))))
                .build();
    }
}
