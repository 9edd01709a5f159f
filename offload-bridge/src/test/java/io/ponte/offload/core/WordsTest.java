package io.ponte.offload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void splits_like_a_shell_without_expanding() {
        assertThat(Words.split("x", "--bind /a:/b  -B '/c d:/e' \"$HOME\" a\\ b ''"))
                .containsExactly("--bind", "/a:/b", "-B", "/c d:/e", "$HOME", "a b", "");
    }

    @Test
    void an_unbalanced_quote_is_refused() {
        assertThatThrownBy(() -> Words.split("annotation x", "'open")).isInstanceOf(PodRejectedException.class);
    }

    @Test
    void dollar_references_expand_as_the_kubelet_does() {
        Map<String, String> vars = Map.of("A", "one", "B", "t$o");
        assertThat(DollarExpansion.expand("$(A)-$(B)-$(C)-$$(A)-$", vars)).isEqualTo("one-t$o-$(C)-$(A)-$");
    }
}
