package io.ponte.api.oip;

/**
 * The tensor element types of the protocol; a tensor's {@code datatype} is the constant's name.
 * Wire types keep {@code datatype} as a string so that a server's own types still round-trip.
 */
public enum Datatype {
    BOOL,
    UINT8,
    UINT16,
    UINT32,
    UINT64,
    INT8,
    INT16,
    INT32,
    INT64,
    FP16,
    FP32,
    FP64,
    /** Variable-length byte strings, written as JSON strings. */
    BYTES
}
