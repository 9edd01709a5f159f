package io.ponte.rag.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inflected Italian forms reach the dictionary form the word list holds; learned words cross by their endings. */
class GlossaryTest {

    private final Glossary glossary = new Glossary(Map.of(
            "aggiungere", "add",
            "gestire", "manage",
            "chiave", "key",
            "blocco", "block",
            "vantaggio", "advantage",
            "emesso", "issued",
            "il", "",
            "porta", "port",
            "dato", "datum"));

    @Test
    void a_listed_word_is_translated_as_listed() {
        assertThat(glossary.english("porta")).contains("port");
        assertThat(glossary.english("il")).contains("");
    }

    @Test
    void verb_forms_reach_their_infinitive() {
        assertThat(glossary.english("aggiungo")).contains("add");
        assertThat(glossary.english("aggiungendo")).contains("add");
        assertThat(glossary.english("gestiti")).contains("manage");
        assertThat(glossary.english("gestirlo")).contains("manage");
    }

    @Test
    void plurals_reach_their_singular() {
        assertThat(glossary.english("chiavi")).contains("key");
        assertThat(glossary.english("blocchi")).contains("block");
        assertThat(glossary.english("vantaggi")).contains("advantage");
        assertThat(glossary.english("emessi")).contains("issued");
    }

    @Test
    void unlisted_learned_words_cross_by_their_regular_endings() {
        assertThat(glossary.english("federazione")).contains("federation");
        assertThat(glossary.english("replicazioni")).contains("replications");
        assertThat(glossary.english("affidabilità")).contains("affidability");
        assertThat(glossary.english("specifico")).contains("specific");
        assertThat(glossary.english("configurabile")).contains("configurable");
    }

    @Test
    void a_word_no_rule_places_has_no_translation() {
        assertThat(glossary.english("frascati")).isEmpty();
        assertThat(glossary.english("storage")).isEmpty();
    }

    @Test
    void short_words_are_not_guessed_at() {
        // "dati" would reach "dato" by the plural rule, but four letters are too few to trust a rule
        assertThat(glossary.english("dati")).isEmpty();
        assertThat(glossary.english("porti")).contains("port");
    }
}
