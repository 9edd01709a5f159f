/**
 * The rag benchmark: {@link io.ponte.bench.rag.RagBench} starts the rag service, measures full and incremental
 * ingestion, query latency through the API (retrieval alone and the chat answer, with and without re-ranking) and
 * resident memory, next to the service's own embedding model run in the harness. See {@code bench/rag/README.md}.
 */
package io.ponte.bench.rag;
