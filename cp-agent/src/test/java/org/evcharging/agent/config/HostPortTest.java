package org.evcharging.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void readsTheDesignsIpPortForm() {
        assertThat(HostPort.parse("localhost:5003")).isEqualTo(new HostPort("localhost", 5003));
        assertThat(HostPort.parse(" 192.168.1.20:65535 ")).isEqualTo(new HostPort("192.168.1.20", 65535));
        assertThat(HostPort.parse("[::1]:5000").host()).isEqualTo("::1");
        assertThat(HostPort.parse("[::1]:5000")).hasToString("[::1]:5000");
    }

    @Test
    void refusesWhatTheFirstImplementationRefuses() {
        assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessageContaining("not in IP:PORT form");
        assertThatThrownBy(() -> HostPort.parse(":5000")).hasMessageContaining("not in IP:PORT form");
        assertThatThrownBy(() -> HostPort.parse("host:")).hasMessageContaining("not in IP:PORT form");
        assertThatThrownBy(() -> HostPort.parse("host:abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> HostPort.parse("host:80")).hasMessageContaining("between 1024 and 65535");
        assertThatThrownBy(() -> HostPort.parse("host:70000")).hasMessageContaining("between 1024 and 65535");
    }

    @Test
    void onlyAListeningAddressMayLetTheSystemChooseThePort() {
        assertThat(HostPort.parseListen("0.0.0.0:0").port()).isZero();
        assertThatThrownBy(() -> HostPort.parse("localhost:0")).hasMessageContaining("between 1024 and 65535");
    }
}
