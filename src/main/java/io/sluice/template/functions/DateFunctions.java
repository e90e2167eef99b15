package io.sluice.template.functions;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Optional;

/**
 * sprig's dates: now, date, dateInZone, htmlDate, htmlDateInZone, toDate, mustToDate, unixEpoch,
 * dateModify, mustDateModify, ago, duration and durationRound. Layouts are Go's reference time
 * ({@code 2006-01-02 15:04:05}); a date is a time value or a number of Unix seconds; "Local" is UTC.
 */
final class DateFunctions {
    private static final ZonedDateTime GO_ZERO_TIME = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));

    private DateFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.add(new FunctionSpec("now", 0, 0, "now", args -> ZonedDateTime.now(GoTime.LOCAL)));
        library.two("date", "date LAYOUT DATE", (layout, date) -> format(Args.text(layout), date, GoTime.LOCAL));
        for (String name : List.of("dateInZone", "date_in_zone")) {
            library.three(
                    name,
                    name + " LAYOUT DATE ZONE",
                    (layout, date, zone) -> format(Args.text(layout), date, zone(Args.text(zone))));
        }
        library.one("htmlDate", "htmlDate DATE", date -> format("2006-01-02", date, GoTime.LOCAL));
        library.two(
                "htmlDateInZone",
                "htmlDateInZone DATE ZONE",
                (date, zone) -> format("2006-01-02", date, zone(Args.text(zone))));
        library.two(
                "toDate",
                "toDate LAYOUT TEXT",
                (layout, text) -> parse(Args.text(layout), Args.text(text)).orElse(GO_ZERO_TIME));
        library.two(
                "mustToDate",
                "mustToDate LAYOUT TEXT",
                (layout, text) -> parse(Args.text(layout), Args.text(text))
                        .orElseThrow(() -> new FunctionFailure("mustToDate", "the text does not match the layout")));
        library.one(
                "unixEpoch",
                "unixEpoch DATE",
                date -> Long.toString(time("unixEpoch", date).toEpochSecond()));
        for (String name : List.of("dateModify", "date_modify")) {
            library.two(
                    name,
                    name + " DURATION DATE",
                    (d, date) -> GoDuration.parse(Args.text(d))
                            .map(time(name, date)::plus)
                            .orElse(time(name, date)));
        }
        for (String name : List.of("mustDateModify", "must_date_modify")) {
            library.two(
                    name,
                    name + " DURATION DATE",
                    (d, date) -> time(name, date)
                            .plus(GoDuration.parse(Args.text(d))
                                    .orElseThrow(() -> new FunctionFailure(name, "not a Go duration"))));
        }
        library.one(
                "ago",
                "ago DATE",
                date -> GoDuration.print(Duration.ofSeconds(Math.round(
                        Duration.between(time("ago", date), ZonedDateTime.now()).toNanos() / 1e9))));
        library.one("duration", "duration SECONDS", s -> GoDuration.print(Duration.ofSeconds(Numbers.toInt64(s))));
        library.one("durationRound", "durationRound DURATION", DateFunctions::durationRound);
    }

    private static final long[] ROUND_UNITS = {
        365 * 86_400_000_000_000L,
        30 * 86_400_000_000_000L,
        86_400_000_000_000L,
        3_600_000_000_000L,
        60_000_000_000L,
        1_000_000_000L
    };
    private static final String[] ROUND_NAMES = {"y", "mo", "d", "h", "m", "s"};

    /**
     * sprig's durationRound: the largest unit the duration exceeds (strictly), the sign dropped. As in sprig, a text
     * is parsed as a Go duration (0 when it is not one), an int64 counts nanoseconds, a time is the time since, and
     * any other type (a Go int such as a template constant, a time.Duration) is 0.
     */
    private static String durationRound(Object value) {
        long nanos = switch (value) {
            case String text -> GoDuration.parse(text).map(Duration::toNanos).orElse(0L);
            case Bytes text ->
                GoDuration.parse(Args.text(text)).map(Duration::toNanos).orElse(0L);
            case Long int64 -> int64;
            case ZonedDateTime time ->
                Duration.between(time, ZonedDateTime.now()).toNanos();
            default -> 0L;
        };
        // Go negates the uint64: the magnitude, with Long.MIN_VALUE staying 2^63 as an unsigned number
        long magnitude = nanos < 0 ? -nanos : nanos;
        for (int i = 0; i < ROUND_UNITS.length; i++) {
            if (Long.compareUnsigned(magnitude, ROUND_UNITS[i]) > 0) {
                return Long.toUnsignedString(Long.divideUnsigned(magnitude, ROUND_UNITS[i])) + ROUND_NAMES[i];
            }
        }
        return "0s";
    }

    private static String format(String layout, Object date, ZoneId zone) {
        return GoTime.format(layout, time("date", date).withZoneSameInstant(zone));
    }

    static ZonedDateTime time(String function, Object date) {
        return switch (date) {
            case ZonedDateTime time -> time;
            case Long seconds -> Instant.ofEpochSecond(seconds).atZone(GoTime.LOCAL);
            case Integer seconds -> Instant.ofEpochSecond(seconds).atZone(GoTime.LOCAL);
            default -> ZonedDateTime.now(GoTime.LOCAL);
        };
    }

    private static ZoneId zone(String name) {
        try {
            return name.equals("Local") || name.isEmpty() ? GoTime.LOCAL : ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Optional<ZonedDateTime> parse(String layout, String text) {
        try {
            TemporalAccessor parsed = GoTime.formatter(layout).parse(text);
            LocalDate day = parsed.query(TemporalQueries.localDate());
            LocalTime clock = parsed.query(TemporalQueries.localTime());
            ZoneId zone = parsed.query(TemporalQueries.zone());
            return Optional.of(ZonedDateTime.of(
                    day == null ? LocalDate.of(0, 1, 1) : day,
                    clock == null ? LocalTime.MIDNIGHT : clock,
                    zone == null ? GoTime.LOCAL : zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
