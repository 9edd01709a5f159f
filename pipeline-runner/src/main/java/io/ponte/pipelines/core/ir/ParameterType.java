package io.ponte.pipelines.core.ir;

/** Parameter types of the IR ({@code ParameterType.ParameterTypeEnum}). */
public enum ParameterType {
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    STRING,
    BOOLEAN,
    LIST,
    STRUCT,
    TASK_FINAL_STATUS,
    PARAMETER_TYPE_ENUM_UNSPECIFIED
}
