package io.sluice.regexp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Estimates, without compiling, how large the RE2 program of a pattern gets. RE2/J expands counted
 * repetitions while compiling ({@code x{3}} becomes {@code xxx}), so {@code ((a{1000}){1000}){1000}}, 23
 * characters, asks for 10^9 instructions and exhausts the heap long before its size could be checked. Here
 * every character counts as one instruction and a counted repetition multiplies what it repeats: close
 * enough to the real size (within a small factor) to refuse such patterns before they are compiled.
 */
final class RepetitionSize {
    private RepetitionSize() {}

    /** Whether the estimate exceeds {@code limit}; stops scanning as soon as it does. */
    static boolean exceeds(String source, long limit) {
        Deque<long[]> enclosing = new ArrayDeque<>();
        long total = 0;
        long last = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int next = i + 1;
            long atom = 1;
            switch (c) {
                case '\\' -> {
                    next = skipEscape(source, i);
                    atom = Math.max(1, next - i - 2);
                }
                case '[' -> next = skipClass(source, i);
                case '(' -> {
                    enclosing.push(new long[] {total, last});
                    total = 0;
                    atom = 0;
                }
                case ')' -> {
                    if (!enclosing.isEmpty()) {
                        atom = total + 1;
                        long[] outer = enclosing.pop();
                        total = outer[0];
                    }
                }
                case '*', '+', '?' -> {
                    total += 1;
                    last += 1;
                    atom = -1;
                }
                case '{' -> {
                    int[] repeat = repeat(source, i);
                    if (repeat != null) {
                        total += last * (repeat[0] - 1L) + 1;
                        last = last * repeat[0] + 1;
                        next = repeat[1];
                        atom = -1;
                    }
                }
                case '|' -> atom = 0;
                default -> {}
            }
            if (atom >= 0) {
                total += atom;
                last = atom;
            }
            if (total > limit) {
                return true;
            }
            i = next;
        }
        return false;
    }

    /** The end of the escape at {@code i}: {@code \Q...\E}, {@code \p{...}}, {@code \x{...}} or one character. */
    private static int skipEscape(String s, int i) {
        if (i + 1 >= s.length()) {
            return s.length();
        }
        char d = s.charAt(i + 1);
        if (d == 'Q') {
            int end = s.indexOf("\\E", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        if ((d == 'p' || d == 'P' || d == 'x') && i + 2 < s.length() && s.charAt(i + 2) == '{') {
            int close = s.indexOf('}', i + 3);
            return close < 0 ? s.length() : close + 1;
        }
        return i + 1 + Character.charCount(s.codePointAt(i + 1));
    }

    /** The end of the character class at {@code i} ({@code []a]} and {@code [[:alpha:]]} included). */
    private static int skipClass(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '^') {
            j++;
        }
        if (j < s.length() && s.charAt(j) == ']') {
            j++;
        }
        while (j < s.length()) {
            if (s.startsWith("[:", j) && s.indexOf(":]", j + 2) > 0) {
                j = s.indexOf(":]", j + 2) + 2;
            } else if (s.charAt(j) == '\\') {
                j = skipEscape(s, j);
            } else if (s.charAt(j) == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return j;
    }

    /**
     * {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}: the copies it makes and where it ends; null
     * when the brace is a literal, as in Go. Counts beyond RE2's limit of 1000 are cut short (RE2 refuses them).
     */
    private static int[] repeat(String s, int i) {
        int j = i + 1;
        int start = j;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
            j++;
        }
        if (j == start || j >= s.length()) {
            return null;
        }
        int min = count(s, start, j);
        int max = min;
        if (s.charAt(j) == ',') {
            int from = ++j;
            while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
                j++;
            }
            max = j == from ? min + 1 : count(s, from, j);
        }
        if (j >= s.length() || s.charAt(j) != '}') {
            return null;
        }
        return new int[] {Math.max(min, max), j + 1};
    }

    private static int count(String s, int from, int to) {
        return to - from > 5 ? 100_000 : Integer.parseInt(s, from, to, 10);
    }
}
