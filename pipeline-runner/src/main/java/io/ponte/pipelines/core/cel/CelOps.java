package io.ponte.pipelines.core.cel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The operations of the CEL subset on plain Java values (Long, Double, String, Boolean, List, Map). */
final class CelOps {

    private CelOps() {}

    static boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new CelException("expected a boolean, found " + describe(v));
    }

    static Object relation(String op, Object a, Object b) {
        a = normalize(a);
        b = normalize(b);
        switch (op) {
            case "==":
                return equal(a, b);
            case "!=":
                return !equal(a, b);
            case "in":
                if (b instanceof Collection<?> c) {
                    Object needle = a;
                    return c.stream().anyMatch(x -> equal(normalize(x), needle));
                }
                if (b instanceof Map<?, ?> m) {
                    return m.containsKey(a);
                }
                throw new CelException("'in' needs a list or map, found " + describe(b));
            default:
                int c = compare(a, b);
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
        }
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Number && b instanceof String || a instanceof String && b instanceof Number) {
            return text(a).equals(text(b));
        }
        return Objects.equals(a, b);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw new CelException("cannot compare " + describe(a) + " with " + describe(b));
    }

    static Object arithmetic(String op, Object a, Object b) {
        a = normalize(a);
        b = normalize(b);
        if (op.equals("+") && a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (op.equals("+") && a instanceof List<?> x && b instanceof List<?> y) {
            return java.util.stream.Stream.concat(x.stream(), y.stream()).toList();
        }
        if (a instanceof Long x && b instanceof Long y) {
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> {
                    if (y == 0) {
                        throw new CelException("division by zero");
                    }
                    yield x / y;
                }
                default -> {
                    if (y == 0) {
                        throw new CelException("modulus by zero");
                    }
                    yield x % y;
                }
            };
        }
        if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            return switch (op) {
                case "+" -> p + q;
                case "-" -> p - q;
                case "*" -> p * q;
                case "/" -> p / q;
                default -> p % q;
            };
        }
        throw new CelException("no operator " + op + " for " + describe(a) + " and " + describe(b));
    }

    static Object select(Object target, String field) {
        if (target instanceof Map<?, ?> m) {
            if (!m.containsKey(field)) {
                throw new CelException("no such key: " + field);
            }
            return normalize(m.get(field));
        }
        throw new CelException("cannot select ." + field + " from " + describe(target));
    }

    static Object index(Object target, Object key) {
        if (target instanceof Map<?, ?> m) {
            if (!m.containsKey(key)) {
                throw new CelException("no such key: " + key);
            }
            return normalize(m.get(key));
        }
        if (target instanceof List<?> l && normalize(key) instanceof Long i) {
            if (i < 0 || i >= l.size()) {
                throw new CelException("index " + i + " out of range");
            }
            return normalize(l.get(i.intValue()));
        }
        throw new CelException("cannot index " + describe(target) + " with " + describe(key));
    }

    static Object function(String name, List<Object> args) {
        if (args.size() != 1) {
            throw new CelException(name + "() takes one argument");
        }
        Object a = normalize(args.get(0));
        return switch (name) {
            case "int" -> toInt(a);
            case "double" -> a instanceof Number n ? (Object) n.doubleValue() : (Object) parseDouble(a);
            case "string" -> text(a);
            case "bool" -> a instanceof Boolean ? a : parseBool(a);
            case "size" -> size(a);
            case "parseJson" -> parseJson(a);
            default -> throw new CelException("unknown function " + name + "()");
        };
    }

    static Object method(String name, Object target, List<Object> args) {
        if (name.equals("size") && args.isEmpty()) {
            return size(target);
        }
        if (target instanceof String s && args.size() == 1 && args.get(0) instanceof String arg) {
            switch (name) {
                case "contains":
                    return s.contains(arg);
                case "startsWith":
                    return s.startsWith(arg);
                case "endsWith":
                    return s.endsWith(arg);
                default:
                    break;
            }
        }
        throw new CelException("unknown method " + name + "() on " + describe(target));
    }

    private static Object parseJson(Object a) {
        if (!(a instanceof String s)) {
            return a;
        }
        try {
            return normalizeDeep(new com.fasterxml.jackson.databind.ObjectMapper().readValue(s, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CelException("parseJson() cannot parse '" + s + "'");
        }
    }

    private static Object normalizeDeep(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(CelOps::normalizeDeep).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalizeDeep(x)));
            return out;
        }
        return normalize(v);
    }

    private static Long toInt(Object a) {
        if (a instanceof Long l) {
            return l;
        }
        if (a instanceof Double d) {
            return (long) d.doubleValue();
        }
        if (a instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                try {
                    return (long) Double.parseDouble(s.strip());
                } catch (NumberFormatException e2) {
                    throw new CelException("int() cannot convert '" + s + "'");
                }
            }
        }
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw new CelException("int() cannot convert " + describe(a));
    }

    private static Double parseDouble(Object a) {
        if (a instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new CelException("double() cannot convert '" + s + "'");
            }
        }
        throw new CelException("double() cannot convert " + describe(a));
    }

    private static Boolean parseBool(Object a) {
        if (a instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new CelException("bool() cannot convert " + describe(a));
    }

    private static Long size(Object a) {
        if (a instanceof String s) {
            return (long) s.codePointCount(0, s.length());
        }
        if (a instanceof Collection<?> c) {
            return (long) c.size();
        }
        if (a instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw new CelException("size() of " + describe(a));
    }

    static String text(Object a) {
        if (a instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(a);
    }

    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.doubleValue();
        }
        return v;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String type = v instanceof String
                ? "string"
                : v instanceof Long
                        ? "int"
                        : v instanceof Double
                                ? "double"
                                : v instanceof Boolean
                                        ? "bool"
                                        : v instanceof List ? "list" : v instanceof Map ? "map" : "value";
        return type + " " + v;
    }
}
