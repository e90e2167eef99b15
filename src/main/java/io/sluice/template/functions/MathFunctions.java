package io.sluice.template.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;

/**
 * sprig's integer math (int64, arguments converted leniently), its decimal float math (addf, divf,
 * ...), max/min, ceil/floor/round and the sequences until, untilStep and seq, whose length is checked
 * before they are built.
 */
final class MathFunctions {
    private MathFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("add1", "add1 VALUE", v -> Math.addExact(Numbers.toInt64(v), 1));
        library.many("add", 0, "add VALUES...", args -> fold("add", 0, args, Math::addExact));
        library.two(
                "sub",
                "sub A B",
                (a, b) -> exact("sub", () -> Math.subtractExact(Numbers.toInt64(a), Numbers.toInt64(b))));
        library.two("div", "div A B", (a, b) -> exact("div", () -> Numbers.toInt64(a) / Numbers.toInt64(b)));
        library.two("mod", "mod A B", (a, b) -> exact("mod", () -> Numbers.toInt64(a) % Numbers.toInt64(b)));
        library.many("mul", 1, "mul A VALUES...", args -> fold("mul", 1, args, Math::multiplyExact));
        for (String name : List.of("max", "biggest")) {
            library.many(
                    name,
                    1,
                    name + " VALUES...",
                    args -> args.stream().mapToLong(Numbers::toInt64).max().orElseThrow());
        }
        library.many(
                "min",
                1,
                "min VALUES...",
                args -> args.stream().mapToLong(Numbers::toInt64).min().orElseThrow());
        library.many(
                "maxf",
                1,
                "maxf VALUES...",
                args -> args.stream().mapToDouble(Numbers::toFloat64).max().orElseThrow());
        library.many(
                "minf",
                1,
                "minf VALUES...",
                args -> args.stream().mapToDouble(Numbers::toFloat64).min().orElseThrow());
        library.one("add1f", "add1f VALUE", v -> decimal(List.of(v, 1L), BigDecimal::add));
        library.many("addf", 0, "addf VALUES...", args -> {
            List<Object> all = new ArrayList<>(List.of(0.0));
            all.addAll(args);
            return decimal(all, BigDecimal::add);
        });
        library.many("subf", 1, "subf A VALUES...", args -> decimal(args, BigDecimal::subtract));
        library.many("mulf", 1, "mulf A VALUES...", args -> decimal(args, BigDecimal::multiply));
        library.many(
                "divf",
                1,
                "divf A VALUES...",
                args -> decimal(args, (a, b) -> {
                    if (b.signum() == 0) {
                        throw new FunctionFailure("divf", "division by zero");
                    }
                    return a.divide(b, MathContext.DECIMAL64);
                }));
        library.one("ceil", "ceil VALUE", v -> Math.ceil(Numbers.toFloat64(v)));
        library.one("floor", "floor VALUE", v -> Math.floor(Numbers.toFloat64(v)));
        library.many("round", 2, "round VALUE PRECISION [ROUND_ON]", args -> round(args));
        library.one("until", "until COUNT", v -> range("until", 0, Numbers.toInt64(v), 1));
        library.three(
                "untilStep",
                "untilStep START STOP STEP",
                (start, stop, step) ->
                        range("untilStep", Numbers.toInt64(start), Numbers.toInt64(stop), Numbers.toInt64(step)));
        library.many("seq", 0, "seq [FIRST [STEP]] LAST", MathFunctions::seq);
    }

    private static Object exact(String function, LongSupplier body) {
        try {
            return body.getAsLong();
        } catch (ArithmeticException e) {
            throw new FunctionFailure(
                    function, e.getMessage().contains("zero") ? "division by zero" : "integer overflow");
        }
    }

    private static Object fold(String function, long start, List<Object> args, LongBinaryOperator op) {
        return exact(function, () -> {
            long result = start;
            for (Object arg : args) {
                result = op.applyAsLong(result, Numbers.toInt64(arg));
            }
            return result;
        });
    }

    private static double decimal(List<Object> args, BinaryOperator<BigDecimal> op) {
        BigDecimal result = new BigDecimal(Double.toString(Numbers.toFloat64(args.get(0))));
        for (Object arg : args.subList(1, args.size())) {
            result = op.apply(result, new BigDecimal(Double.toString(Numbers.toFloat64(arg))));
        }
        return result.doubleValue();
    }

    /** sprig's round: half away from zero at ROUND_ON (default .5) of the last kept digit. */
    private static double round(List<Object> args) {
        double value = Numbers.toFloat64(args.get(0));
        int places = (int) Math.max(-300, Math.min(300, Numbers.toInt64(args.get(1))));
        double roundOn = args.size() > 2 ? Numbers.toFloat64(args.get(2)) : 0.5;
        double pow = Math.pow(10, places);
        double digit = pow * value;
        double whole = digit < 0 ? Math.ceil(digit) : Math.floor(digit);
        double fraction = Math.abs(digit - whole);
        double rounded = fraction >= roundOn ? whole + Math.signum(digit) : whole;
        return rounded / pow;
    }

    static List<Object> range(String function, long start, long stop, long step) {
        List<Object> out = new ArrayList<>();
        if (step == 0 || (step > 0 && start >= stop) || (step < 0 && start <= stop)) {
            return out;
        }
        long count = (BigDecimal.valueOf(stop)
                        .subtract(BigDecimal.valueOf(start))
                        .divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING))
                .longValue();
        Lists.checkCount(function, count);
        for (long v = start, i = 0; i < count; v += step, i++) {
            out.add(v);
        }
        return out;
    }

    /** bash's seq as sprig has it: "seq 3" is "1 2 3", "seq 2 -1 0" is "2 1 0"; the result is one string. */
    private static Object seq(List<Object> args) {
        long first = 1;
        long step = 1;
        long last;
        switch (args.size()) {
            case 0 -> {
                return "";
            }
            case 1 -> {
                last = Numbers.toInt64(args.get(0));
                step = last < 1 ? -1 : 1;
            }
            case 2 -> {
                first = Numbers.toInt64(args.get(0));
                last = Numbers.toInt64(args.get(1));
                step = first <= last ? 1 : -1;
            }
            case 3 -> {
                first = Numbers.toInt64(args.get(0));
                step = Numbers.toInt64(args.get(1));
                last = Numbers.toInt64(args.get(2));
                if (step == 0 || (last < first && step > 0) || (last > first && step < 0)) {
                    return "";
                }
            }
            default -> throw new FunctionFailure("seq", "takes 1 to 3 arguments");
        }
        if ((step > 0 && first > last) || (step < 0 && first < last)) {
            return "";
        }
        List<Object> values = range("seq", first, step > 0 ? last + 1 : last - 1, step);
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }
}
