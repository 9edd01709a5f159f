/** The ponte command. */
package io.ponte.cli;
