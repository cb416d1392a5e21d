package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditTest {

    @Test
    void shouldApplyEditsBackToFrontOnOriginalOffsets() {
        String text = "ADD a /b\nCMD x\n";

        String edited = TextEdit.applyAll(text, List.of(new TextEdit(0, 3, "COPY"), TextEdit.insert(9, "USER 1\n"),
                TextEdit.insert(3, " --chown=1")));

        assertThat(edited).isEqualTo("COPY --chown=1 a /b\nUSER 1\nCMD x\n");
    }

    @Test
    void shouldRefuseOverlappingEditsAndInsertionsAtOnePlace() {
        assertThatThrownBy(() -> TextEdit.applyAll("abcdef", List.of(new TextEdit(0, 3, "x"), new TextEdit(2, 4, "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Overlapping");
        assertThatThrownBy(() -> TextEdit.applyAll("abc", List.of(TextEdit.insert(1, "x"), TextEdit.insert(1, "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Overlapping");
        assertThatThrownBy(() -> TextEdit.applyAll("abc", List.of(new TextEdit(1, 9, "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 characters");
    }
}
