package org.incidentmap.incident.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which feed URLs the service fetches. Address literals only, so no test depends on DNS. */
class UrlGuardTest {

    private final UrlGuard strict = new UrlGuard(false, false);

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserInfoAreTaken() {
        assertThatThrownBy(() -> strict.check("ftp://203.0.113.9/feed")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> strict.check("http:///feed")).hasMessageContaining("host");
        assertThatThrownBy(() -> strict.check("http://user:pw@93.184.216.34/feed")).hasMessageContaining("user information");
    }

    @Test
    void loopbackPrivateLinkLocalAndReservedAddressesAreRefusedByDefault() {
        for (String url : new String[] {"http://127.0.0.1/f", "http://127.8.9.1:8080/f", "http://[::1]/f", "http://10.0.0.7/f",
                "http://172.16.4.4/f", "http://192.168.1.1/f", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/f",
                "http://100.64.1.1/f", "http://[fd00::1]/f", "http://[fe80::1]/f"}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("does not fetch");
        }
    }

    @Test
    void aPublicAddressPassesWithThePortItsSchemeImplies() throws Exception {
        UrlGuard.Target t = strict.check("https://93.184.216.34/feed.xml?lang=uk");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.ssl()).isTrue();
        assertThat(t.address().getHostAddress()).isEqualTo("93.184.216.34");
    }

    @Test
    void configurationAllowsLoopbackAloneOrPrivateAddressesToo() throws Exception {
        UrlGuard loopback = new UrlGuard(true, false);
        assertThat(loopback.check("http://127.0.0.1:30850/feed").port()).isEqualTo(30850);
        assertThatThrownBy(() -> loopback.check("http://10.0.0.7/f")).hasMessageContaining("private");
        assertThat(new UrlGuard(false, true).check("http://10.0.0.7/f").port()).isEqualTo(80);
    }
}
