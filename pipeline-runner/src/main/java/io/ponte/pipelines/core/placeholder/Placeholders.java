package io.ponte.pipelines.core.placeholder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves KFP placeholders in a container's command and args the way the KFP launcher does:
 * {@code {{$.inputs.parameters['x']}}}, {@code {{$.inputs.artifacts['x'].uri|path|metadata}}} (and
 * {@code .metadata['key']}), {@code {{$.outputs.artifacts['x'].uri|path|metadata}}}, {@code
 * {{$.outputs.parameters['x'].output_file}}}, {@code {{$.outputs.output_file}}}, {@code {{$}}} (the
 * ExecutorInput JSON), system values such as {@code {{$.pipeline_job_name}}}, anywhere inside a
 * string; and whole arguments of the form {@code {"Concat": [...]}} or {@code {"IfPresent":
 * {"InputName": ..., "Then": ..., "Else": ...}}}, nested as the SDK writes them.
 */
public final class Placeholders {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\$(.*?)}}");
    private static final Pattern INPUT_PARAM = Pattern.compile("\\.inputs\\.parameters\\[['\"](.+?)['\"]]");
    private static final Pattern ARTIFACT = Pattern.compile(
            "\\.(inputs|outputs)\\.artifacts\\[['\"](.+?)['\"]]\\.(uri|path|metadata)(?:\\[['\"](.+?)['\"]])?");
    private static final Pattern OUTPUT_PARAM =
            Pattern.compile("\\.outputs\\.parameters\\[['\"](.+?)['\"]]\\.output_file");
    private static final Pattern SYSTEM = Pattern.compile("\\.([a-z_]+)");

    private Placeholders() {}

    /** Resolves a list of command or args templates; IfPresent may add or drop arguments. */
    public static List<String> resolve(List<String> templates, ExecutorInput input) {
        List<String> out = new ArrayList<>(templates.size());
        for (String t : templates) {
            JsonNode structured = structured(t);
            if (structured != null) {
                expand(structured, input, out);
            } else {
                out.add(resolveString(t, input));
            }
        }
        return out;
    }

    /** Resolves every placeholder inside one string. */
    public static String resolveString(String template, ExecutorInput input) {
        if (template.indexOf("{{$") < 0) {
            return template;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), input)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The names a template reads: {@code inputs.parameters.x}, {@code outputs.artifacts.y}, ... for static checks. */
    public static List<String> references(String template) {
        List<String> refs = new ArrayList<>();
        JsonNode structured = structured(template);
        if (structured != null) {
            collectStrings(structured, refs);
            List<String> all = new ArrayList<>();
            for (String s : refs) {
                all.addAll(references(s));
            }
            return all;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String expr = m.group(1);
            Matcher p;
            if ((p = INPUT_PARAM.matcher(expr)).lookingAt()) {
                refs.add("inputs.parameters." + p.group(1));
            } else if ((p = ARTIFACT.matcher(expr)).matches()) {
                refs.add(p.group(1) + ".artifacts." + p.group(2));
            } else if ((p = OUTPUT_PARAM.matcher(expr)).matches()) {
                refs.add("outputs.parameters." + p.group(1));
            }
        }
        return refs;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(n -> collectStrings(n, out));
            if (node.has("IfPresent") && node.get("IfPresent").has("InputName")) {
                out.add("{{$.inputs.parameters['"
                        + node.get("IfPresent").get("InputName").asText() + "']}}");
            }
        }
    }

    /** A {"Concat": ...} or {"IfPresent": ...} argument, or null for a plain string. */
    private static JsonNode structured(String t) {
        String s = t.strip();
        if (!s.startsWith("{\"Concat\"") && !s.startsWith("{\"IfPresent\"")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(s);
            return node.isObject() && (node.has("Concat") || node.has("IfPresent")) ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void expand(JsonNode node, ExecutorInput input, List<String> out) {
        if (node.isTextual()) {
            JsonNode inner = structured(node.asText());
            if (inner != null) {
                expand(inner, input, out);
            } else {
                out.add(resolveString(node.asText(), input));
            }
        } else if (node.isArray()) {
            node.forEach(n -> expand(n, input, out));
        } else if (node.has("Concat")) {
            List<String> parts = new ArrayList<>();
            expand(node.get("Concat"), input, parts);
            out.add(String.join("", parts));
        } else if (node.has("IfPresent")) {
            JsonNode ip = node.get("IfPresent");
            String name = ip.path("InputName").asText("");
            boolean present =
                    input.parameters().containsKey(name) && input.parameters().get(name) != null
                            || input.artifacts().containsKey(name);
            JsonNode branch = present ? ip.get("Then") : ip.get("Else");
            if (branch != null && !branch.isNull()) {
                expand(branch, input, out);
            }
        } else if (node.isValueNode()) {
            out.add(node.asText());
        } else {
            throw new PlaceholderException("unknown structured placeholder " + node);
        }
    }

    private static String value(String expr, ExecutorInput input) {
        if (expr.isEmpty()) {
            return ExecutorInputJson.render(input);
        }
        Matcher m = INPUT_PARAM.matcher(expr);
        if (m.matches()) {
            String name = m.group(1);
            Object v = input.parameters().get(name);
            return v == null ? "" : text(v);
        }
        m = ARTIFACT.matcher(expr);
        if (m.matches()) {
            ArtifactValue a = artifact(m.group(1).equals("inputs"), m.group(2), input);
            return switch (m.group(3)) {
                case "uri" -> a.uri();
                case "path" -> a.path();
                default ->
                    m.group(4) == null ? json(a.metadata()) : text(a.metadata().get(m.group(4)));
            };
        }
        m = OUTPUT_PARAM.matcher(expr);
        if (m.matches()) {
            String file = input.outputParameterFiles().get(m.group(1));
            if (file == null) {
                throw new PlaceholderException("the component has no output parameter " + m.group(1));
            }
            return file;
        }
        if (expr.equals(".outputs.output_file")) {
            return input.outputFile();
        }
        m = SYSTEM.matcher(expr);
        if (m.matches() && input.system().containsKey(m.group(1))) {
            return input.system().get(m.group(1));
        }
        throw new PlaceholderException("cannot resolve placeholder {{$" + expr + "}}");
    }

    private static ArtifactValue artifact(boolean isInput, String name, ExecutorInput input) {
        if (isInput) {
            List<ArtifactValue> list = input.artifacts().get(name);
            if (list == null || list.isEmpty()) {
                throw new PlaceholderException("input artifact " + name + " is not given");
            }
            return list.get(0);
        }
        ArtifactValue a = input.outputArtifacts().get(name);
        if (a == null) {
            throw new PlaceholderException("the component has no output artifact " + name);
        }
        return a;
    }

    /** A parameter value as the launcher writes it on a command line. */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(v.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return json(v);
    }

    static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new PlaceholderException("cannot write value as JSON: " + e.getOriginalMessage());
        }
    }

    /** Placeholders inside a constant's string (an f-string in the SDK) resolved against the task's other inputs. */
    public static Object resolveConstant(Object constant, Map<String, Object> taskParameters) {
        if (!(constant instanceof String s) || s.indexOf("{{$") < 0) {
            return constant;
        }
        ExecutorInput only = new ExecutorInput(taskParameters, Map.of(), Map.of(), Map.of(), "", Map.of());
        return resolveString(s, only);
    }
}
