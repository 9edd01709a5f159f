/** The OpenAI-compatible inference router. */
package io.ponte.router;
