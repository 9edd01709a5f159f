/**
 * OpenAI API wire types: chat completions (plain and streamed), legacy completions, embeddings,
 * models and the error envelope, with member names exactly as in {@code openai-openapi.yaml}.
 *
 * <p>Conventions, the same on every type:
 *
 * <ul>
 *   <li>Optional members that are {@code null} in Java are left out when written; members the spec
 *       requires but allows to be {@code null} (such as a response message's {@code content}) are
 *       always written.
 *   <li>Members a type does not model are kept in its {@code extra} map and written back, so vendor
 *       extensions (vLLM's {@code top_k}, {@code chat_template_kwargs}, …) pass through a proxy.
 *   <li>An explicit {@code null} on an optional request member reads as absent and is not written
 *       back; OpenAI treats both alike. Where the difference matters on the wire (a stream chunk's
 *       {@code usage}, a delta's {@code content}) the member is a {@link
 *       io.ponte.api.json.NullableValue}.
 *   <li>Members that take several JSON shapes (content, stop, prompt, input) are sealed interfaces
 *       whose variants write back the shape they were read from.
 * </ul>
 */
package io.ponte.api.openai;
