package dev.faultline.adapters.clientmetadata;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a metadata document may be fetched from: public unicast addresses only. Refused (draft
 * §6.5, MCP security guide "SSRF against authorization servers"): unspecified, loopback, private (RFC 1918),
 * shared/CGNAT (100.64/10), link-local (169.254/16 incl. cloud metadata 169.254.169.254, fe80::/10),
 * unique-local (fc00::/7, incl. fd00:ec2::254), multicast, broadcast and reserved ranges, and IPv6 forms that
 * embed an IPv4 address (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) whenever the
 * embedded address would be refused. Addresses are classified from the resolver's bytes, never from text.
 *
 * <p>{@code allowLoopback} is a test-only relaxation (documents served by a local test server); every other
 * rule stays.
 */
public record PublicAddressPolicy(boolean allowLoopback) {

    public static final PublicAddressPolicy PRODUCTION = new PublicAddressPolicy(false);

    /** Why {@code address} may not be fetched from, or empty if it may. */
    public Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : refused(address, "a loopback address");
        }
        if (address instanceof Inet4Address v4) {
            return refusalV4(v4.getAddress(), address);
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return refused(address, "the unspecified address");
        }
        if (address.isLinkLocalAddress() || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)) {
            return refused(address, "a link-local address");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return refused(address, "a unique-local address");
        }
        if (address.isSiteLocalAddress()) {
            return refused(address, "a site-local address");
        }
        if (address.isMulticastAddress()) {
            return refused(address, "a multicast address");
        }
        if (isZero(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || isZero(b, 10, 12))) {
            return embedded(address, b, 12); // IPv4-mapped ::ffff:a.b.c.d or IPv4-compatible ::a.b.c.d
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) {
            return embedded(address, b, 12); // NAT64 64:ff9b::/96
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(address, b, 2); // 6to4 2002:aabb:ccdd::/48
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && isZero(b, 2, 4)) {
            return refused(address, "a Teredo address");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return refused(address, "a documentation address");
        }
        return Optional.empty();
    }

    private Optional<String> embedded(InetAddress outer, byte[] b, int offset) {
        byte[] v4 = new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            InetAddress inner = InetAddress.getByAddress(v4);
            return refusal(inner).map(why -> outer.getHostAddress() + " embeds " + why);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> refusalV4(byte[] a, InetAddress address) {
        int x = a[0] & 0xff;
        int y = a[1] & 0xff;
        int z = a[2] & 0xff;
        if (x == 0) {
            return refused(address, "an address in 0.0.0.0/8");
        }
        if (x == 10 || (x == 172 && y >= 16 && y <= 31) || (x == 192 && y == 168)) {
            return refused(address, "a private address");
        }
        if (x == 100 && y >= 64 && y <= 127) {
            return refused(address, "a shared (CGNAT) address");
        }
        if (x == 169 && y == 254) {
            return refused(address, "a link-local (cloud metadata) address");
        }
        if (x == 192 && y == 0 && (z == 0 || z == 2)) {
            return refused(address, "a special-purpose address");
        }
        if ((x == 198 && (y == 18 || y == 19)) || (x == 198 && y == 51 && z == 100) || (x == 203 && y == 0 && z == 113)) {
            return refused(address, "a benchmarking or documentation address");
        }
        if (x >= 224) {
            return refused(address, "a multicast, reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> refused(InetAddress address, String what) {
        return Optional.of(address.getHostAddress() + " is " + what);
    }
}
