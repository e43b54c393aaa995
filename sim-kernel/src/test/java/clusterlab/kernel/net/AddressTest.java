package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void parsesAndPrintsDottedQuads() {
        Ipv4 ip = Ipv4.parse("192.168.0.11");
        assertThat(ip.bits()).isEqualTo(0xC0A8000B);
        assertThat(ip).hasToString("192.168.0.11");
        assertThat(Ipv4.parse(" 10.0.0.255 ")).isEqualTo(Ipv4.of(10, 0, 0, 255));
        assertThat(Ipv4.parse("255.255.255.255").bits()).isEqualTo(-1);
        assertThat(Ipv4.parse("0.0.0.0")).isEqualTo(Ipv4.ANY);
        assertThat(Ipv4.parse("127.0.0.1").isLoopback()).isTrue();
        assertThat(ip.isLoopback()).isFalse();
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", "a.b.c.d", "1.2.3.4.",
                ".1.2.3", "01.2.3.4", "1.2.3.-4", "1234.1.1.1")) {
            assertThatThrownBy(() -> Ipv4.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid IPv4 address");
        }
        assertThatThrownBy(() -> Ipv4.parse("300.1.1.1")).hasMessageContaining("larger than 255");
        assertThatThrownBy(() -> Ipv4.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersAsUnsignedNumbers() {
        List<Ipv4> ips = new ArrayList<>(List.of(Ipv4.parse("192.168.0.10"), Ipv4.parse("10.0.0.1"),
                Ipv4.parse("192.168.0.9"), Ipv4.parse("200.0.0.1")));
        ips.sort(null);
        assertThat(ips).extracting(Ipv4::toString)
                .containsExactly("10.0.0.1", "192.168.0.9", "192.168.0.10", "200.0.0.1");
    }

    @Test
    void subnetsKnowTheirAddresses() {
        Subnet net = Subnet.parse("192.168.0.0/24");
        assertThat(net).hasToString("192.168.0.0/24");
        assertThat(net.size()).isEqualTo(256);
        assertThat(net.network()).hasToString("192.168.0.0");
        assertThat(net.broadcast()).hasToString("192.168.0.255");
        assertThat(net.address(11)).hasToString("192.168.0.11");
        assertThat(net.contains(Ipv4.parse("192.168.0.200"))).isTrue();
        assertThat(net.contains(Ipv4.parse("192.168.1.1"))).isFalse();
        assertThat(Subnet.parse("10.0.0.0/8").contains(Ipv4.parse("10.255.1.2"))).isTrue();
        assertThat(Subnet.parse("0.0.0.0/0").contains(Ipv4.parse("8.8.8.8"))).isTrue();
        assertThatThrownBy(() -> net.address(0)).hasMessageContaining("outside 192.168.0.0/24");
        assertThatThrownBy(() -> net.address(255)).hasMessageContaining("hosts 1 to 254");
    }

    @Test
    void subnetsRefuseHostBitsAndBadPrefixes() {
        assertThatThrownBy(() -> Subnet.parse("192.168.0.5/24")).hasMessageContaining("it should be 192.168.0.0/24");
        assertThatThrownBy(() -> Subnet.parse("192.168.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Subnet.parse("192.168.0.0")).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> Subnet.parse("192.168.0.0/x")).hasMessageContaining("prefix");
    }

    @Test
    void transmissionTimeIsSizeOverBandwidth() {
        LinkSettings eightMbit = LinkSettings.DEFAULT.withBandwidth(8_000_000);
        assertThat(eightMbit.transmissionNanos(1_000_000)).isEqualTo(1_000_000_000L);
        assertThat(LinkSettings.DEFAULT.transmissionNanos(1500)).isEqualTo(12_000);
        assertThat(LinkSettings.DEFAULT.withBandwidth(3).transmissionNanos(1)).isEqualTo(2_666_666_667L);
        assertThat(LinkSettings.DEFAULT.withBandwidth(100_000_000_000L).transmissionNanos(1_000_000_007L))
                .isEqualTo(80_000_001L);
        assertThatThrownBy(() -> LinkSettings.DEFAULT.withLoss(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkSettings.DEFAULT.withBandwidth(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
