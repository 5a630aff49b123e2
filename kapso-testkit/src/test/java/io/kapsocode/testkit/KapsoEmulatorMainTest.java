package io.kapsocode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KapsoEmulatorMainTest {

    @Test
    void readsPortSeedStateAndHelp() {
        KapsoEmulatorMain.Options options =
                KapsoEmulatorMain.parse(List.of("--port", "8080", "--seed", "exported", "--state", "s.json"));

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.seed()).contains(Path.of("exported"));
        assertThat(options.state()).contains(Path.of("s.json"));
        assertThat(KapsoEmulatorMain.parse(List.of("--help")).help()).isTrue();
        assertThat(KapsoEmulatorMain.USAGE).contains("--port N").contains("KAPSO_API_KEY");
    }

    @Test
    void saysWhatIsWrongInsteadOfIgnoringIt() {
        assertThatThrownBy(() -> KapsoEmulatorMain.parse(List.of("--prot", "8080")))
                .hasMessage("unknown argument '--prot'");
        assertThatThrownBy(() -> KapsoEmulatorMain.parse(List.of("--port", "eighty")))
                .hasMessage("--port takes a number from 0 to 65535, not 'eighty'");
        assertThatThrownBy(() -> KapsoEmulatorMain.parse(List.of("--port"))).hasMessage("--port needs a value");
    }

    @Test
    void listensOnTheChosenPort() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (KapsoEmulator emulator = KapsoEmulator.start("kp_main_test", port)) {
            assertThat(emulator.baseUri().getPort()).isEqualTo(port);
        }
    }
}
