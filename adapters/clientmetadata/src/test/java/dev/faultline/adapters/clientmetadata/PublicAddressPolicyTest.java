package dev.faultline.adapters.clientmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressPolicyTest {
    static InetAddress literal(String text) throws UnknownHostException {
        return InetAddress.getByName(text); // a literal: parsed by the JDK, no lookup
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "100.64.0.1, CGNAT", "100.127.255.254, CGNAT",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "fc00::1, unique-local", "fd00:ec2::254, unique-local",
            "0.0.0.0, 0.0.0.0/8", "::, unspecified",
            "224.0.0.1, multicast", "255.255.255.255, broadcast", "ff02::1, multicast",
            "::ffff:10.0.0.1, private", "::ffff:127.0.0.1, loopback", "::ffff:169.254.169.254, link-local",
            "::10.0.0.1, private", "64:ff9b::a00:1, private", "2002:a9fe:a9fe::1, link-local",
            "2001:0:4136:e378::1, Teredo"})
    void non_public_addresses_of_every_family_are_refused(String address, String why) throws Exception {
        assertThat(PublicAddressPolicy.PRODUCTION.refusal(literal(address)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(why));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1",
            "64:ff9b::5db8:d822", "2002:5db8:d822::1"})
    void public_addresses_are_allowed(String address) throws Exception {
        assertThat(PublicAddressPolicy.PRODUCTION.refusal(literal(address))).isEmpty();
    }

    @Test
    void the_test_relaxation_allows_loopback_only() throws Exception {
        PublicAddressPolicy relaxed = new PublicAddressPolicy(true);
        assertThat(relaxed.refusal(literal("127.0.0.1"))).isEmpty();
        assertThat(relaxed.refusal(literal("::1"))).isEmpty();
        assertThat(relaxed.refusal(literal("10.0.0.1"))).isPresent();
        assertThat(relaxed.refusal(literal("169.254.169.254"))).isPresent();
    }

    @Test
    void one_refused_address_among_public_ones_refuses_the_name() throws Exception {
        InetAddress[] answer = {literal("93.184.216.34"), literal("10.0.0.7")};
        GuardedResolver resolver = new GuardedResolver(host -> answer, PublicAddressPolicy.PRODUCTION);
        assertThatThrownBy(() -> resolver.check("rebind.example", 443))
                .isInstanceOf(GuardedResolver.RefusedAddress.class)
                .hasMessageContaining("rebind.example resolves to 10.0.0.7 is a private address");
    }

    @Test
    void the_checked_addresses_are_the_ones_handed_to_the_connection() throws Exception {
        InetAddress[] answer = {literal("93.184.216.34"), literal("2606:2800:220:1::1")};
        int[] lookups = {0};
        GuardedResolver resolver = new GuardedResolver(host -> {
            lookups[0]++;
            return answer;
        }, PublicAddressPolicy.PRODUCTION);
        assertThat(resolver.check("example.com", 443)).extracting(a -> a.getAddress())
                .containsExactly(answer[0], answer[1]);
        assertThat(lookups[0]).isEqualTo(1);
    }
}
