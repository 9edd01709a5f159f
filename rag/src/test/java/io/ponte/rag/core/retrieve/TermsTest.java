package io.ponte.rag.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void inflections_of_a_word_meet_in_one_stem() {
        assertThat(stems("mounted", "mounting", "mounts", "mount")).containsExactly("mount");
        assertThat(stems("configure", "configured", "configuration")).containsExactly("configur");
        assertThat(stems("volume", "volumes")).containsExactly("volum");
        assertThat(stems("policy", "policies")).containsExactly("policy");
        assertThat(Terms.stem("mapped")).isEqualTo("map");
        assertThat(Terms.stem("status")).isEqualTo("status");
    }

    @Test
    void a_question_keeps_its_content_words_and_its_identifiers_whole() {
        assertThat(Terms.of("Which of the volumes can I mount with slurm-job.vk.io/flags, e.g. on port 8443?"))
                .extracting(Terms.Term::key)
                .containsExactly("volum", "mount", "slurm-job.vk.io/flags", "port", "8443");
    }

    @Test
    void a_passage_holds_a_word_in_another_form_and_an_identifier_only_whole() {
        Set<String> keys = Terms.keys("Mounting `ConfigMap` volumes needs slurm-job.vk.io/flags; authenticate first.");

        assertThat(Terms.contains(keys, term("mounted"))).isTrue();
        assertThat(Terms.contains(keys, term("configmap"))).isTrue();
        assertThat(Terms.contains(keys, term("slurm-job.vk.io/flags"))).isTrue();
        assertThat(Terms.contains(keys, term("slurm-job.vk.io/mpi-flags"))).isFalse();
        // authentication and authenticate stem differently; one stem begins the other
        assertThat(Terms.contains(keys, term("authentication"))).isTrue();
    }

    @Test
    void short_stems_must_match_exactly() {
        Set<String> keys = Terms.keys("The portal lists every user.");

        assertThat(Terms.contains(keys, term("port"))).isFalse();
        assertThat(Terms.contains(keys, term("users"))).isTrue();
    }

    private static List<String> stems(String... words) {
        return Stream.of(words).map(Terms::stem).distinct().toList();
    }

    private static Terms.Term term(String word) {
        return Terms.of(word).get(0);
    }
}
