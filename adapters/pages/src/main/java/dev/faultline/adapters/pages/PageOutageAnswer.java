package dev.faultline.adapters.pages;

import dev.faultline.adapters.http.outage.OutageAnswer;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Pages answer an outage with a short error page that carries every page security header. */
public final class PageOutageAnswer implements OutageAnswer {
    @Override
    public boolean covers(ResourceInfo resource) {
        return OutageAnswer.marked(resource, PageResponse.class);
    }

    @Override
    public Response answer(Response.ResponseBuilder unavailable, String retry) {
        Response response = unavailable.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(new ErrorView("Faultline is unavailable for a moment",
                        "Faultline can't reach its database right now, so nothing was changed.", "Please " + retry + "."))
                .build();
        PageSecurityHeaders.addTo(response.getHeaders());
        return response;
    }
}
