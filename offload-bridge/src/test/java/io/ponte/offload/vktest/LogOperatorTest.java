package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogOperatorTest {
    private static final String LOG = "hello world\nhello moon\nbye world\n";

    @Test
    void exists_holds_on_a_match_and_waits_otherwise() {
        assertThat(LogOperator.Exists.evaluate("hello (\\w+)", Optional.empty(), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
        assertThat(LogOperator.Exists.evaluate("goodnight", Optional.empty(), LOG))
                .isInstanceOf(CheckOutcome.NotYet.class);
    }

    @Test
    void count_at_least_waits_until_enough_matches() {
        assertThat(LogOperator.CountAtLeast.evaluate("world", Optional.of("2"), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
        assertThat(LogOperator.CountAtLeast.evaluate("world", Optional.of("3"), LOG))
                .isInstanceOf(CheckOutcome.NotYet.class);
    }

    @Test
    void too_many_matches_can_never_become_fewer() {
        assertThat(LogOperator.CountAtMost.evaluate("hello", Optional.of("2"), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
        assertThat(LogOperator.CountAtMost.evaluate("hello", Optional.of("1"), LOG))
                .isInstanceOf(CheckOutcome.Never.class);
        assertThat(LogOperator.CountExactly.evaluate("hello", Optional.of("1"), LOG))
                .isInstanceOf(CheckOutcome.Never.class);
        assertThat(LogOperator.CountExactly.evaluate("hello", Optional.of("3"), LOG))
                .isInstanceOf(CheckOutcome.NotYet.class);
        assertThat(LogOperator.CountExactly.evaluate("hello", Optional.of("2"), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
    }

    @Test
    void is_compares_the_single_group_as_findall_returns_it() {
        assertThat(LogOperator.Is.evaluate("hello (\\w+)", Optional.of("moon"), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
        assertThat(LogOperator.Is.evaluate("hello (\\w+)", Optional.of("hello moon"), LOG))
                .isInstanceOf(CheckOutcome.NotYet.class);
        assertThat(LogOperator.Is.evaluate("bye world", Optional.of("bye world"), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
    }

    @Test
    void with_several_groups_no_match_equals_a_string_but_all_count() {
        assertThat(LogOperator.Is.evaluate("(hello) (\\w+)", Optional.of("moon"), LOG))
                .isInstanceOf(CheckOutcome.NotYet.class);
        assertThat(LogOperator.CountExactly.evaluate("(hello) (\\w+)", Optional.of(2 + ""), LOG))
                .isInstanceOf(CheckOutcome.Holds.class);
    }

    @Test
    void word_classes_match_unicode_as_python_does() {
        assertThat(LogOperator.findAll(Pattern.compile("caf\\w", Pattern.UNICODE_CHARACTER_CLASS), "café"))
                .containsExactly("café");
    }

    @Test
    void counting_operators_need_an_integer_value() {
        assertThatThrownBy(() -> LogOperator.CountAtLeast.evaluate("x", Optional.empty(), LOG))
                .hasMessageContaining("required");
        assertThatThrownBy(() -> LogOperator.CountAtLeast.evaluate("x", Optional.of("many"), LOG))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> LogOperator.parse("Matches")).hasMessageContaining("not one of");
    }
}
