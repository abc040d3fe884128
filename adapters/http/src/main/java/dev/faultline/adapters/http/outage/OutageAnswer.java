package dev.faultline.adapters.http.outage;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * How one driving surface answers while the database cannot be reached. Each surface's module provides its own
 * (in its own shape: an OAuth error, a JSON-RPC error, a page), so this module knows none of them.
 */
public interface OutageAnswer {
    /** Whether the matched resource belongs to this surface. */
    boolean covers(ResourceInfo resource);

    /**
     * The answer, built on {@code unavailable} (status 503 and {@code Retry-After} already set).
     *
     * @param retry what the person or client should do, e.g. "try again in 5 seconds"
     */
    Response answer(Response.ResponseBuilder unavailable, String retry);

    /** What the log may say of the request's path ({@code path} as JAX-RS gives it, without a leading slash). */
    default String logLabel(String path) {
        return "/" + path;
    }

    /** Whether the matched resource class or method carries {@code marker}, a surface's own annotation. */
    static boolean marked(ResourceInfo resource, Class<? extends Annotation> marker) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        return type != null && type.isAnnotationPresent(marker) || method != null && method.isAnnotationPresent(marker);
    }
}
