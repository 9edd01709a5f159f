package io.ponte.rag.core;

/** A passage with the score one retriever gave it (only comparable within that retriever's list). */
public record ScoredPassage(Passage passage, double score) {}
