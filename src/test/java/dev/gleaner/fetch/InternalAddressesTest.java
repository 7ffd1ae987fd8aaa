package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses lead inside a network, whatever form they are written in. */
class InternalAddressesTest {
    private static String kindOf(String literal) throws Exception {
        return InternalAddresses.kindOf(InetAddress.getByName(literal)).orElse("public");
    }

    @Nested
    class WhenTheAddressIsPublic {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
            "192.169.0.1", "169.255.0.1", "11.0.0.1", "2001:4860:4860::8888", "2606:4700::1111"})
        void findsNothingToRefuse(String literal) throws Exception {
            assertThat(kindOf(literal)).isEqualTo("public");
        }
    }

    @Nested
    class WhenAnIpv6AddressCarriesAnIpv4One {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "::ffff:10.1.2.3,      a private address",
            "::127.0.0.1,          a loopback address",
            "64:ff9b::a9fe:a9fe,   a link-local address",
            "2002:c0a8:0101::1,    a private address",
            "64:ff9b::808:808,     public",
        })
        void judgesItByTheIpv4Address(String literal, String kind) throws Exception {
            assertThat(kindOf(literal)).isEqualTo(kind);
        }

        @Test
        void judgesAMappedAddressKeptInIpv6FormToo() throws Exception {
            byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 1};

            InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

            assertThat(InternalAddresses.kindOf(address)).contains("a loopback address");
        }
    }

    @Nested
    class WhenAnAddressIsNamedInAReason {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "0:0:0:0:0:0:0:1,       ::1",
            "fd00:0:0:0:0:0:0:1,    fd00::1",
            "2001:db8:0:0:1:0:0:1,  2001:db8::1:0:0:1",
            "2001:db8:1:2:3:4:5:6,  2001:db8:1:2:3:4:5:6",
            "fe80:0:0:0:0:0:0:0,    fe80::",
            "10.0.0.1,              10.0.0.1",
        })
        void writesItInItsShortForm(String literal, String text) throws Exception {
            assertThat(IpLiteral.text(InetAddress.getByName(literal))).isEqualTo(text);
        }
    }
}
