package dev.faultline.adapters.clientmetadata;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a host name once and hands Jetty only addresses that passed {@link PublicAddressPolicy}; Jetty then
 * connects to exactly those, so a second (rebinding) resolution never happens. One refused address refuses the
 * whole name: an attacker's name may list a public and a private address.
 */
final class GuardedResolver implements SocketAddressResolver {
    /** The one name resolution (the system resolver in production; a table in tests). */
    @FunctionalInterface
    interface NameResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A refused host, with a reason a person can act on. */
    static final class RefusedAddress extends Exception {
        RefusedAddress(String reason) {
            super(reason, null, false, false);
        }
    }

    private final NameResolver names;
    private final PublicAddressPolicy policy;

    GuardedResolver(NameResolver names, PublicAddressPolicy policy) {
        this.names = names;
        this.policy = policy;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            promise.succeeded(check(host, port));
        } catch (RefusedAddress | UnknownHostException e) {
            promise.failed(e);
        }
    }

    List<InetSocketAddress> check(String host, int port) throws RefusedAddress, UnknownHostException {
        InetAddress[] addresses = names.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        List<InetSocketAddress> checked = new ArrayList<>();
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddress("the host " + host + " resolves to " + refusal.get()
                        + "; documents are fetched from public addresses only");
            }
            checked.add(new InetSocketAddress(address, port));
        }
        return checked;
    }
}
