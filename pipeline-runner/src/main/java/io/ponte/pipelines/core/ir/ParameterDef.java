package io.ponte.pipelines.core.ir;

import java.util.Optional;

/**
 * An input or output parameter of a component.
 *
 * @param name the parameter name
 * @param type its type
 * @param defaultValue its default (a JSON value: String, Number, Boolean, List, Map), if any
 * @param optional whether it may be left unset
 */
public record ParameterDef(String name, ParameterType type, Optional<Object> defaultValue, boolean optional) {}
