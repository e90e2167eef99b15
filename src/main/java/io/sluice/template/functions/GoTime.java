package io.sluice.template.functions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Go's time layouts ("2006-01-02T15:04:05Z07:00") as java.time formatters, for both printing and
 * parsing, and Go's default printing of a time value. "Local" is UTC: the zone of ESO's container.
 */
final class GoTime {
    static final ZoneId LOCAL = ZoneId.of("UTC");
    static final String DEFAULT_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";
    /** The longest layout accepted: a layout is template text, and real ones are a few dozen characters. */
    private static final int MAX_LAYOUT = 256;

    private GoTime() {}

    static String print(ZonedDateTime time) {
        return format(DEFAULT_LAYOUT, time);
    }

    static String format(String layout, ZonedDateTime time) {
        return formatter(layout).format(time);
    }

    static DateTimeFormatter formatter(String layout) {
        if (layout.length() > MAX_LAYOUT) {
            throw new FunctionFailure("date", "the layout is longer than " + MAX_LAYOUT + " characters");
        }
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseSensitive();
        int i = 0;
        while (i < layout.length()) {
            i = chunk(layout, i, b);
        }
        return b.toFormatter(Locale.ENGLISH);
    }

    /** Appends the layout element starting at {@code i} and returns where the next one starts. */
    private static int chunk(String l, int i, DateTimeFormatterBuilder b) {
        if (l.startsWith("January", i)) {
            b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
            return i + 7;
        }
        if (l.startsWith("Jan", i)) {
            b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
            return i + 3;
        }
        if (l.startsWith("Monday", i)) {
            b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
            return i + 6;
        }
        if (l.startsWith("Mon", i)) {
            b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
            return i + 3;
        }
        if (l.startsWith("MST", i)) {
            b.appendZoneText(TextStyle.SHORT);
            return i + 3;
        }
        if (l.startsWith("2006", i)) {
            b.appendValue(ChronoField.YEAR, 4);
            return i + 4;
        }
        if (l.startsWith("002", i)) {
            b.appendValue(ChronoField.DAY_OF_YEAR, 3);
            return i + 3;
        }
        for (Map.Entry<String, ChronoField> two : TWO_DIGITS.entrySet()) {
            if (l.startsWith(two.getKey(), i)) {
                if (two.getValue() == ChronoField.YEAR) {
                    b.appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1969, 1, 1));
                } else {
                    b.appendValue(two.getValue(), 2);
                }
                return i + 2;
            }
        }
        if (l.startsWith("_2", i) && !l.startsWith("_2006", i)) {
            b.padNext(2, ' ').appendValue(ChronoField.DAY_OF_MONTH);
            return i + 2;
        }
        ChronoField single = SINGLE_DIGIT.get(l.charAt(i));
        if (single != null) {
            b.appendValue(single);
            return i + 1;
        }
        if (l.startsWith("PM", i)) {
            b.appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "AM", 1L, "PM"));
            return i + 2;
        }
        if (l.startsWith("pm", i)) {
            b.appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "am", 1L, "pm"));
            return i + 2;
        }
        for (String[] zone : ZONES) {
            if (l.startsWith(zone[0], i)) {
                b.appendOffset(zone[1], zone[0].startsWith("Z") ? "Z" : zone[2]);
                return i + zone[0].length();
            }
        }
        if ((l.charAt(i) == '.' || l.charAt(i) == ',')
                && i + 1 < l.length()
                && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
            char digit = l.charAt(i + 1);
            int end = i + 1;
            while (end < l.length() && l.charAt(end) == digit) {
                end++;
            }
            if (end == l.length() || !Character.isDigit(l.charAt(end))) {
                int n = Math.min(9, end - i - 1);
                if (digit == '9' && l.charAt(i) == '.') {
                    // Go drops trailing zeros, and the point too when nothing is left
                    b.appendFraction(ChronoField.NANO_OF_SECOND, 0, n, true);
                } else {
                    b.appendLiteral(l.charAt(i))
                            .appendFraction(ChronoField.NANO_OF_SECOND, digit == '0' ? n : 0, n, false);
                }
                return end;
            }
        }
        b.appendLiteral(l.charAt(i));
        return i + 1;
    }

    private static final Map<String, ChronoField> TWO_DIGITS = new LinkedHashMap<>();
    private static final Map<Character, ChronoField> SINGLE_DIGIT = Map.of(
            '1',
            ChronoField.MONTH_OF_YEAR,
            '2',
            ChronoField.DAY_OF_MONTH,
            '3',
            ChronoField.CLOCK_HOUR_OF_AMPM,
            '4',
            ChronoField.MINUTE_OF_HOUR,
            '5',
            ChronoField.SECOND_OF_MINUTE);
    private static final String[][] ZONES = {
        {"Z07:00:00", "+HH:MM:SS", ""}, {"-07:00:00", "+HH:MM:SS", "+00:00:00"},
        {"Z070000", "+HHMMSS", ""}, {"-070000", "+HHMMSS", "+000000"},
        {"Z07:00", "+HH:MM", ""}, {"-07:00", "+HH:MM", "+00:00"},
        {"Z0700", "+HHMM", ""}, {"-0700", "+HHMM", "+0000"},
        {"Z07", "+HH", ""}, {"-07", "+HH", "+00"},
    };

    static {
        TWO_DIGITS.put("01", ChronoField.MONTH_OF_YEAR);
        TWO_DIGITS.put("02", ChronoField.DAY_OF_MONTH);
        TWO_DIGITS.put("03", ChronoField.CLOCK_HOUR_OF_AMPM);
        TWO_DIGITS.put("04", ChronoField.MINUTE_OF_HOUR);
        TWO_DIGITS.put("05", ChronoField.SECOND_OF_MINUTE);
        TWO_DIGITS.put("06", ChronoField.YEAR);
        TWO_DIGITS.put("15", ChronoField.HOUR_OF_DAY);
    }
}
