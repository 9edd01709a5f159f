package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import java.util.ArrayList;
import java.util.List;

/** Packs the blocks of one section into chunks of at most the budget's words; see {@link Splitter}. */
final class Packer {

    private final Splitter.Budget budget;
    private final List<List<Unit>> chunks = new ArrayList<>();
    private List<Unit> current = new ArrayList<>();
    private int words;

    Packer(Splitter.Budget budget) {
        this.budget = budget;
    }

    List<List<Unit>> pack(List<Block> blocks) {
        int max = budget.maxWords();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            int blockWords = block.words();
            if (blockWords == 0) {
                continue;
            }
            if (words + blockWords <= max || blockWords <= max) {
                if (words + blockWords > max) {
                    flush(List.of());
                }
                add(new Unit(block.text(), block.startLine(), block.endLine(), blockWords, b, block.kind()));
                continue;
            }
            for (Unit unit : Segmenter.units(block, b, max)) {
                if (words + unit.words() > max) {
                    flush(overlap(b, unit.words()));
                }
                add(unit);
            }
        }
        flush(List.of());
        return chunks;
    }

    private void add(Unit unit) {
        current.add(unit);
        words += unit.words();
    }

    /** Ends the current chunk; the next starts with {@code carried}. */
    private void flush(List<Unit> carried) {
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        current = new ArrayList<>(carried);
        words = carried.stream().mapToInt(Unit::words).sum();
    }

    /** The last sentences of the current chunk to repeat, when they are of the block being cut and small enough. */
    private List<Unit> overlap(int block, int nextWords) {
        List<Unit> carried = new ArrayList<>();
        int carriedWords = 0;
        for (int k = current.size() - 1; k >= 0 && carried.size() < budget.overlapSentences(); k--) {
            Unit unit = current.get(k);
            if (unit.block() != block
                    || carriedWords + unit.words() > budget.maxWords() / 4
                    || carriedWords + unit.words() + nextWords > budget.maxWords()) {
                break;
            }
            carried.addFirst(unit);
            carriedWords += unit.words();
        }
        return carried;
    }
}
