package dev.faultline.adapters.clientmetadata;

import dev.faultline.application.access.port.out.ClientMetadataDocuments;
import dev.faultline.domain.access.ClientId;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * {@link ClientMetadataDocuments} over Jetty's HTTP client: https only, HTTP/1.1, TLS verified against the JDK's
 * CAs (or a configured trust store), the name resolved once through {@link GuardedResolver}, no redirects (only
 * 200 counts), {@code Accept: application/json}, at most {@link FetchSettings#maxBytes()} read, and
 * {@link FetchSettings#timeout()} for connecting and for the whole exchange. No cookies are kept, no
 * credentials sent.
 */
public final class JettyClientMetadataDocuments implements ClientMetadataDocuments, AutoCloseable {
    private final HttpClient client;
    private final FetchSettings settings;

    public JettyClientMetadataDocuments(FetchSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    JettyClientMetadataDocuments(FetchSettings settings, GuardedResolver.NameResolver names) {
        this.settings = settings;
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        settings.trustStore().ifPresent(tls::setTrustStore);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setConnectTimeout(settings.timeout());
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new org.eclipse.jetty.http.HttpCookieStore.Empty());
        client.setSocketAddressResolver(new GuardedResolver(names,
                new PublicAddressPolicy(settings.allowLoopback())));
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT,
                "Faultline (client metadata document fetcher)"));
        client.setMaxConnectionsPerDestination(4);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP client for client metadata documents", e);
        }
    }

    @Override
    public Fetch fetch(ClientId url) {
        if (!url.isMetadataDocumentUrl()) {
            return new Fetch.Failed("only https URLs are fetched");
        }
        Request request = client.newRequest(URI.create(url.value()))
                .method(HttpMethod.GET)
                .followRedirects(false)
                .headers(headers -> headers.put(HttpHeader.ACCEPT, "application/json"))
                .timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, settings.maxBytes()).send()
                    .get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return new Fetch.Failed("the fetch was interrupted");
        } catch (TimeoutException e) {
            request.abort(e);
            return timedOut();
        } catch (ExecutionException e) {
            return new Fetch.Failed(whyFailed(e.getCause()));
        }
        int status = response.getStatus();
        if (status != 200) {
            return new Fetch.Failed("the document URL answered HTTP " + status
                    + (status >= 300 && status < 400 ? " (redirects are not followed)" : "") + "; only 200 counts");
        }
        try {
            return new Fetch.Fetched(DocumentReader.read(response.getContent()),
                    DocumentReader.freshness(response.getHeaders().get(HttpHeader.CACHE_CONTROL)));
        } catch (DocumentReader.Malformed e) {
            return new Fetch.Failed(e.getMessage());
        }
    }

    private Fetch.Failed timedOut() {
        return new Fetch.Failed("the document could not be fetched within " + settings.timeout().toMillis() + " ms");
    }

    private String whyFailed(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof GuardedResolver.RefusedAddress refused) {
                return refused.getMessage();
            }
            if (t instanceof TimeoutException) {
                return timedOut().reason();
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "the document's host name could not be resolved";
            }
            if (t instanceof SSLException) {
                return "a trusted TLS connection to the document's host could not be made";
            }
            if (t instanceof ConnectException) {
                return "the document's host refused the connection";
            }
            if (t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains("exceeded")) {
                return "the document is larger than " + settings.maxBytes() + " bytes";
            }
        }
        return "the document could not be fetched (" + cause.getClass().getSimpleName() + ")";
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
