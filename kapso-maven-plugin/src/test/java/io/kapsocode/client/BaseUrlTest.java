package io.kapsocode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseUrlTest {

    @Test
    void httpsIsAcceptedAndATrailingSlashDropped() {
        assertThat(BaseUrl.check("https://api.kapso.ai/platform/v1/")).hasToString("https://api.kapso.ai/platform/v1");
    }

    @Test
    void plainHttpIsAcceptedOnlyOnTheLocalMachine() {
        assertThat(BaseUrl.check("http://localhost:8080/platform/v1")).hasHost("localhost");
        assertThat(BaseUrl.check("http://127.0.0.1:9/platform/v1")).hasHost("127.0.0.1");
        assertThat(BaseUrl.check("http://[::1]:9/platform/v1")).hasHost("[::1]");
        for (String remote :
                new String[] {"http://api.kapso.ai/platform/v1", "http://10.0.0.7/x", "http://localhost.evil.com/x"}) {
            assertThatThrownBy(() -> BaseUrl.check(remote)).as(remote).hasMessageContaining("use https");
        }
    }

    @Test
    void aRelativeOrOtherSchemeIsRefused() {
        assertThatThrownBy(() -> BaseUrl.check("api.kapso.ai")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> BaseUrl.check("ftp://api.kapso.ai")).hasMessageContaining("must be absolute");
    }

    @Test
    void aBlankKeyIsRefusedWithWhereKeysComeFrom() {
        assertThatThrownBy(() -> ApiKey.of(" ")).hasMessageContaining("KAPSO_API_KEY");
    }
}
