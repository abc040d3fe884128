package dev.faultline.domain.intake;

import java.util.Optional;
import java.util.SortedMap;

/** The HTTP request the crash happened in, scrubbed of secrets before it got here. */
public record RequestInfo(
        Optional<String> method,
        Optional<String> url,
        Optional<String> queryString,
        SortedMap<String, String> headers,
        Optional<String> data) {

    public static final int MAX_METHOD_LENGTH = 32;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_HEADERS = 100;
    public static final int MAX_HEADER_NAME_LENGTH = 200;
    public static final int MAX_HEADER_LENGTH = 2048;
    public static final int MAX_DATA_LENGTH = 16_384;

    public RequestInfo {
        method = Checks.line(method, "request.method", MAX_METHOD_LENGTH);
        url = Checks.line(url, "request.url", MAX_URL_LENGTH);
        queryString = Checks.line(queryString, "request.query_string", MAX_URL_LENGTH);
        headers = Checks.map(headers, "request.headers", MAX_HEADERS, MAX_HEADER_NAME_LENGTH, MAX_HEADER_LENGTH);
        data = Checks.text(data, "request.data", MAX_DATA_LENGTH);
    }
}
