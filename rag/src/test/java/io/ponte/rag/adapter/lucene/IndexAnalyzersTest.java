package io.ponte.rag.adapter.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class IndexAnalyzersTest {

    private final Analyzer identifiers = IndexAnalyzers.identifiers();
    private final Analyzer paths = IndexAnalyzers.paths();

    @Test
    void identifiers_stay_whole_and_are_also_split() throws IOException {
        assertThat(terms(identifiers, "set slurm-job.vk.io/flags."))
                .containsExactly("set", "slurm-job.vk.io/flags", "slurm", "job", "vk", "io", "flags");
        assertThat(terms(identifiers, "(TELEMETRY_ENDPOINT)"))
                .containsExactly("telemetry_endpoint", "telemetry", "endpoint");
        assertThat(terms(identifiers, "`InterLinkConfig.yaml`"))
                .containsExactly("interlinkconfig.yaml", "interlinkconfig", "inter", "link", "config", "yaml");
        assertThat(terms(identifiers, "sbatch --partition=gpu, port 8443;"))
                .containsExactly("sbatch", "--partition=gpu", "partition", "gpu", "port", "8443");
        assertThat(terms(identifiers, "getLogs HTTPServer"))
                .containsExactly("getlogs", "get", "logs", "httpserver", "http", "server");
    }

    @Test
    void punctuation_and_lone_stop_words_give_no_terms() throws IOException {
        assertThat(terms(identifiers, "the -- ... \"a\" && (")).isEmpty();
    }

    @Test
    void the_parts_of_an_identifier_share_its_position() throws IOException {
        assertThat(positions(identifiers, "use TELEMETRY_ENDPOINT now")).containsExactly(1, 2, 2, 2, 3);
    }

    @Test
    void paths_split_on_separators_and_case_changes() throws IOException {
        assertThat(terms(paths, "interlink-hq__interLink/docs/Cookbook_v2.md"))
                .containsExactly("interlink", "hq", "interlink", "inter", "link", "docs", "cookbook", "v2", "md");
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static List<Integer> positions(Analyzer analyzer, String text) throws IOException {
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = 0;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                positions.add(position);
            }
            stream.end();
        }
        return positions;
    }
}
