package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UiMainTest {
    @Test
    void parsesLessonNodesAndSeed() {
        assertThat(UiMain.parse(new String[] {})).isEqualTo(new LabWindow.Config(null, 2, 1));
        assertThat(UiMain.parse(new String[] {"--lesson", "l2"})).isEqualTo(new LabWindow.Config("L2", 2, 1));
        assertThat(UiMain.parse(new String[] {"--nodes", "3", "--seed", "42"}))
                .isEqualTo(new LabWindow.Config(null, 3, 42));
        assertThat(UiMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void rejectsWhatItCannotOpen() {
        assertThatThrownBy(() -> UiMain.parse(new String[] {"--lesson", "L9"})).hasMessageContaining("no lesson L9");
        assertThatThrownBy(() -> UiMain.parse(new String[] {"--nodes", "0"})).hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> UiMain.parse(new String[] {"--nodes"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> UiMain.parse(new String[] {"--bogus"})).hasMessageContaining("unknown argument");
    }
}
