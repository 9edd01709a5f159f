package io.ponte.rag.adapter.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each token by the terms {@code expand} gives for it, all at the token's position (stacked, as synonyms
 * are); a token that expands to nothing is dropped.
 */
final class ExpandingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Function<String, List<String>> expand;
    private final Deque<String> stacked = new ArrayDeque<>();
    private State current;

    ExpandingFilter(TokenStream input, Function<String, List<String>> expand) {
        super(input);
        this.expand = expand;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!stacked.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(stacked.poll());
            position.setPositionIncrement(0);
            return true;
        }
        int skipped = 0;
        while (input.incrementToken()) {
            List<String> terms = expand.apply(term.toString());
            if (terms.isEmpty()) {
                skipped += position.getPositionIncrement();
                continue;
            }
            term.setEmpty().append(terms.get(0));
            position.setPositionIncrement(position.getPositionIncrement() + skipped);
            stacked.addAll(terms.subList(1, terms.size()));
            current = stacked.isEmpty() ? null : captureState();
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        stacked.clear();
        current = null;
    }
}
