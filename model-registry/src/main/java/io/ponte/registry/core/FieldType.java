package io.ponte.registry.core;

/** How a typed property travels in JSON. */
public enum FieldType {
    /** A JSON string. */
    STRING,
    /** A 64-bit integer carried as a JSON string, as the API does for times and ids. */
    INT64_STRING,
    /** A JSON number that may have a fraction. */
    NUMBER,
    /** A JSON integer. */
    INTEGER,
    /** An array of JSON strings. */
    STRING_LIST,
    /** A JSON string from a fixed set of values. */
    ENUM
}
