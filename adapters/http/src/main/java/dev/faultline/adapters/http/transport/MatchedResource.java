package dev.faultline.adapters.http.transport;

import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.RuntimeResource;

/**
 * Which surface a request reached, told by the surface's own marker annotation on the resource class its path
 * matched. Unlike a name binding this also reaches the framework's answers for a matched path: a {@code 405} for a
 * method the resource lacks never selects a resource method, so name-bound filters never see it.
 */
public final class MatchedResource {
    private MatchedResource() {
    }

    /** Whether the resource class whose path {@code uri} matched carries {@code marker}. */
    public static boolean carries(UriInfo uri, Class<? extends Annotation> marker) {
        if (!(uri instanceof ExtendedUriInfo extended)) {
            return false;
        }
        for (RuntimeResource runtime : extended.getMatchedRuntimeResources()) {
            for (Resource resource : runtime.getResources()) {
                for (Class<?> handler : resource.getHandlerClasses()) {
                    if (handler.isAnnotationPresent(marker)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
