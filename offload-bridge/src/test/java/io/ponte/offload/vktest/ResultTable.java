package io.ponte.offload.vktest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results table: printed for humans, and checked into the module README between {@code
 * <!-- vktest:BACKEND -->} and {@code <!-- /vktest:BACKEND -->} as the expected results the
 * build enforces.
 */
final class ResultTable {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([0-9]{3}[^|]*?)\\s*\\|\\s*([^|]+?)\\s*\\|.*$");

    private ResultTable() {}

    static String markdown(List<TemplateResult> results) {
        StringBuilder s = new StringBuilder("| template | result | reason |\n|---|---|---|\n");
        for (TemplateResult r : results) {
            s.append("| ")
                    .append(r.template())
                    .append(" | ")
                    .append(r.result().label())
                    .append(" | ")
                    .append(scrub(r.reason()).replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return s.toString();
    }

    /** The reason without this machine's home and working directories (the table is committed). */
    static String scrub(String reason) {
        String out = reason;
        String dir = System.getProperty("user.dir");
        String home = System.getProperty("user.home");
        if (dir != null && dir.length() > 1) {
            out = out.replace(dir, ".");
        }
        if (home != null && home.length() > 1) {
            out = out.replace(home, "~");
        }
        return out;
    }

    /** The table with each template's wall time, for the console. */
    static String timings(List<TemplateResult> results) {
        StringBuilder s = new StringBuilder("| template | result | seconds | reason |\n|---|---|---|---|\n");
        for (TemplateResult r : results) {
            s.append("| ")
                    .append(r.template())
                    .append(" | ")
                    .append(r.result().label())
                    .append(" | ")
                    .append(String.format(
                            java.util.Locale.ROOT, "%.1f", r.took().toMillis() / 1000.0))
                    .append(" | ")
                    .append(r.reason().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        long total = results.stream().mapToLong(r -> r.took().toMillis()).sum();
        return s.append("(sum of template times ")
                .append(total / 1000)
                .append(" s)\n")
                .toString();
    }

    /** The expected table for {@code backend} from the README text; empty when the block is absent. */
    static Map<String, TemplateResult.Result> expected(String readme, String backend) {
        String open = "<!-- vktest:" + backend + " -->";
        String close = "<!-- /vktest:" + backend + " -->";
        int from = readme.indexOf(open);
        int to = readme.indexOf(close);
        Map<String, TemplateResult.Result> out = new LinkedHashMap<>();
        if (from < 0 || to < from) {
            return out;
        }
        for (String line : readme.substring(from + open.length(), to).split("\n")) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                out.put(m.group(1), TemplateResult.Result.parse(m.group(2)));
            }
        }
        return out;
    }

    /** Templates listed as passed that did not pass: the build must fail. */
    static List<String> regressions(Map<String, TemplateResult.Result> expected, List<TemplateResult> actual) {
        List<String> out = new ArrayList<>();
        Map<String, TemplateResult> byId = new LinkedHashMap<>();
        actual.forEach(r -> byId.put(r.template(), r));
        expected.forEach((id, result) -> {
            if (result != TemplateResult.Result.PASSED) {
                return;
            }
            TemplateResult now = byId.get(id);
            if (now == null) {
                out.add(id + ": listed as passed but it did not run (template missing?)");
            } else if (now.result() != TemplateResult.Result.PASSED) {
                out.add(id + ": listed as passed, now " + now.result().label() + ": " + now.reason());
            }
        });
        return out;
    }

    /** Templates whose result differs from the README in any other way (the table is stale). */
    static List<String> staleRows(Map<String, TemplateResult.Result> expected, List<TemplateResult> actual) {
        List<String> out = new ArrayList<>();
        for (TemplateResult r : actual) {
            TemplateResult.Result listed = expected.get(r.template());
            if (listed == null) {
                out.add(r.template() + ": not in the README table (now "
                        + r.result().label() + ")");
            } else if (listed != TemplateResult.Result.PASSED && listed != r.result()) {
                out.add(r.template() + ": listed as " + listed.label() + ", now "
                        + r.result().label());
            }
        }
        return out;
    }
}
