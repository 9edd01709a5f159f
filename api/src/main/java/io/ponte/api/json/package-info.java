/**
 * JSON helpers shared by the wire types: keeping members a type does not model ({@link
 * io.ponte.api.json.Extras}) and telling an explicit {@code null} from an absent member ({@link
 * io.ponte.api.json.NullableValue}).
 */
package io.ponte.api.json;
