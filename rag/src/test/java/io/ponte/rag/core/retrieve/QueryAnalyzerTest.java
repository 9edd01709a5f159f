package io.ponte.rag.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The analyzer with its real word lists (resources/lang). */
class QueryAnalyzerTest {

    private final QueryAnalyzer analyzer = new QueryAnalyzer();

    @Test
    void an_italian_question_is_put_into_english_words() {
        Query q = analyzer.analyze("Dopo quanti giorni un account scaduto viene sospeso?");

        assertThat(q.language()).isEqualTo("it");
        assertThat(q.english()).isEqualTo("after how many days account expired suspended");
        assertThat(q.translated()).isTrue();
    }

    @Test
    void inflected_italian_words_are_translated_through_their_dictionary_form() {
        Query q = analyzer.analyze("Come aggiungo le chiavi e quali vantaggi offre?");

        assertThat(q.english())
                .contains("add")
                .contains("key")
                .contains("advantage")
                .contains("offer");
        assertThat(q.untranslated()).isEmpty();
    }

    @Test
    void names_and_identifiers_pass_through_a_translation_untouched() {
        // "Tempo" is an Italian word (time) but, capitalised inside the sentence, it names the tracing backend
        Query q = analyzer.analyze("Come configuro Tempo per leggere slurm-job.vk.io/flags dell'INFN?");

        assertThat(q.english()).contains("Tempo").doesNotContain("time");
        assertThat(q.english()).contains("slurm-job.vk.io/flags").contains("INFN");
        assertThat(q.identifiers()).contains("slurm-job.vk.io/flags");
    }

    @Test
    void words_the_glossary_cannot_place_are_kept_and_noted() {
        Query q = analyzer.analyze("Quali sono i pippolini della piattaforma?");

        assertThat(q.english()).contains("pippolini").contains("platform");
        assertThat(q.untranslated()).containsExactly("pippolini");
    }

    @Test
    void an_english_question_with_words_that_are_also_italian_stays_english() {
        Query q = analyzer.analyze("Is there a vi mode in the editor, and can I come back to it?");

        assertThat(q.language()).isEqualTo("en");
        assertThat(q.english()).isEqualTo(q.original());
        assertThat(q.translated()).isFalse();
    }

    @Test
    void a_short_italian_question_is_recognised_by_one_marker() {
        assertThat(analyzer.analyze("Porte di StoRM?").language()).isEqualTo("it");
        assertThat(analyzer.analyze("StoRM ports?").language()).isEqualTo("en");
    }

    @Test
    void identifiers_are_config_keys_flags_and_paths_but_not_abbreviations() {
        assertThat(QueryAnalyzer.identifiers("What does slurm-job.vk.io/mpi-flags do, e.g. with --mem or SbatchPath?"))
                .containsExactly("slurm-job.vk.io/mpi-flags", "--mem", "SbatchPath");
    }

    @Test
    void names_are_acronyms_camel_case_capitalised_and_digit_words_but_not_versions() {
        assertThat(QueryAnalyzer.names("What is the default CPU-hour quota of INFN Cloud for Geant4 in v2.5?"))
                .containsExactly("CPU-hour", "INFN", "Cloud", "Geant4");
        assertThat(QueryAnalyzer.names("Which port does StoRM WebDAV use since 1.8.0?"))
                .containsExactly("StoRM", "WebDAV");
    }

    @Test
    void in_a_title_case_question_only_acronyms_and_digit_words_are_names() {
        assertThat(QueryAnalyzer.names("How Do I Configure The Proxy For IAM On Ubuntu22?"))
                .containsExactly("IAM", "Ubuntu22");
    }
}
