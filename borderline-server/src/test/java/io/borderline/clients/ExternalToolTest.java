package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A CI that sets {@code CI=1} or {@code CI=yes} must not turn every client test into a silent skip. */
class ExternalToolTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "on", "github-actions", " true "})
    void anyNonFalseValueOfCiMeansCi(String value) {
        assertThat(ExternalTool.isCi(value)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "false", "False", "0", "no", "off"})
    void unsetEmptyOrFalseMeansLocal(String value) {
        assertThat(ExternalTool.isCi(value)).isFalse();
    }
}
