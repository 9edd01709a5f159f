package io.ponte.offload.vktest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operators of a {@code check_logs} entry, applied to the matches of the regular expression
 * the way Python's {@code re.findall} returns them: the whole match without groups, the group
 * with one group, a tuple (never equal to a string) with several.
 */
enum LogOperator {
    /** At least one match. */
    Exists,
    /** At least {@code value} matches. */
    CountAtLeast,
    /** At most {@code value} matches; more can never become fewer, so the template fails at once. */
    CountAtMost,
    /** Exactly {@code value} matches (too many fails at once, too few may still grow). */
    CountExactly,
    /** One of the matches equals {@code value}. */
    Is;

    static LogOperator parse(String name) {
        for (LogOperator op : values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("check_logs[].operator: '" + name + "' is not one of " + List.of(values()));
    }

    CheckOutcome evaluate(String regex, Optional<String> value, String log) {
        List<String> matches = findAll(Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS), log);
        int n = matches.size();
        return switch (this) {
            case Exists ->
                n > 0 ? CheckOutcome.HOLDS : new CheckOutcome.NotYet("/" + regex + "/ does not match the log");
            case CountAtLeast -> n >= count(value) ? CheckOutcome.HOLDS : tooFew(regex, n, value);
            case CountAtMost -> n <= count(value) ? CheckOutcome.HOLDS : tooMany(regex, n, value);
            case CountExactly ->
                n > count(value)
                        ? tooMany(regex, n, value)
                        : n < count(value) ? tooFew(regex, n, value) : CheckOutcome.HOLDS;
            case Is ->
                matches.contains(required(value))
                        ? CheckOutcome.HOLDS
                        : new CheckOutcome.NotYet(
                                "/" + regex + "/ matched " + matches + ", expected '" + value.get() + "'");
        };
    }

    /** Matches as {@code re.findall} reports them; several groups give entries no string equals. */
    static List<String> findAll(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(
                    switch (m.groupCount()) {
                        case 0 -> m.group();
                        case 1 -> m.group(1) == null ? "" : m.group(1);
                        default -> "\u0000tuple" + out.size();
                    });
        }
        return out;
    }

    private int count(Optional<String> value) {
        try {
            return Integer.parseInt(required(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "check_logs[].value must be an integer for " + name() + ", got '" + value.get() + "'", e);
        }
    }

    private String required(Optional<String> value) {
        return value.orElseThrow(() -> new IllegalArgumentException("check_logs[].value is required for " + name()));
    }

    private static CheckOutcome tooFew(String regex, int n, Optional<String> value) {
        return new CheckOutcome.NotYet("/" + regex + "/ matched " + n + " times, expected at least " + value.get());
    }

    private static CheckOutcome tooMany(String regex, int n, Optional<String> value) {
        return new CheckOutcome.Never("/" + regex + "/ matched " + n + " times, at most " + value.get() + " allowed");
    }
}
