/**
 * A client of Ponte's rag service ({@code /rag/v1}: ingest, chat, eval) for {@code ponte ingest}, {@code ponte ask}
 * and {@code ponte rag}, over {@link io.ponte.cli.http.ServiceClient}. No picocli here.
 */
package io.ponte.cli.rag;
