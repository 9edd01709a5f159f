package io.ponte.bench.common;

import java.util.Locale;

/** Numbers as the reports print them: "–" for unknown, two decimals below 100, none above. */
public final class Format {

    private Format() {}

    /** Milliseconds (or any small quantity): 0.37, 12.50, 140. */
    public static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A percentage without decimals. */
    public static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    /** A count or rate: 1,234 above 100, 12.34 below. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
