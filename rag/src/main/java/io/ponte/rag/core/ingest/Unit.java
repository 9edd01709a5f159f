package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;

/**
 * A piece of a block that is never cut further: a whole block, a sentence, a line, or a run of words.
 *
 * @param block the index of its block within what is being packed; units of one block join with the kind's
 *     separator, units of different blocks with a blank line
 */
record Unit(String text, int startLine, int endLine, int words, int block, BlockKind kind) {}
