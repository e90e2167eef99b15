package io.sluice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds types named inline by their fully qualified name ({@code new java.util.TreeSet<>()},
 * {@code java.util.Objects.equals(..)}, {@code catch (java.io.IOException e)}, {@code @jakarta.x.Y}, a javadoc
 * {@code {@link io.sluice.x.Y}}) in Java sources, outside package and import lines, string and character literals
 * and comments other than javadoc references. A name qualified with at least two lower-case package segments
 * counts; an FQN is allowed only where its simple name is taken in the file: imported as another type, declared
 * in the file, or a type of the file's own package.
 */
final class InlineQualifiedNames {
    record Finding(String file, int line, String name) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + name;
        }
    }

    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.$])((?!(?:this|super)\\.)(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_$]*))");
    private static final Pattern JAVADOC_REFERENCE =
            Pattern.compile("(?:\\{@link(?:plain)?|@see|@throws|@exception)\\s+([\\w.$]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Pattern PACKAGE_OR_IMPORT_LINE = Pattern.compile("^\\s*(?:package|import)\\b");

    final List<Finding> findings = new ArrayList<>();
    /** The FQNs let through because their simple name is taken in the file. */
    final List<Finding> allowed = new ArrayList<>();

    int filesScanned;

    static InlineQualifiedNames scan(Path root) {
        InlineQualifiedNames scan = new InlineQualifiedNames();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            Set<String> samePackage = new HashSet<>();
            for (Path sibling : files) {
                if (file.getParent().equals(sibling.getParent())) {
                    String name = sibling.getFileName().toString();
                    samePackage.add(name.substring(0, name.length() - ".java".length()));
                }
            }
            try {
                scan.scanSource(root.relativize(file).toString(), Files.readString(file), samePackage);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scan;
    }

    void scanSource(String file, String source, Set<String> samePackageTypes) {
        filesScanned++;
        JavaText text = JavaText.of(source);
        Set<String> imported = new HashSet<>();
        Matcher imports = IMPORT.matcher(text.code());
        while (imports.find()) {
            if (imports.group(1) == null && imports.group(3) == null) {
                imported.add(imports.group(2));
            }
        }
        Set<String> takenNames = new HashSet<>(samePackageTypes);
        imported.forEach(fqn -> takenNames.add(simpleName(fqn)));
        Matcher declared = DECLARED.matcher(text.code());
        while (declared.find()) {
            takenNames.add(declared.group(1));
        }

        String[] lines = text.code().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (PACKAGE_OR_IMPORT_LINE.matcher(lines[i]).find()) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(lines[i]);
            while (m.find()) {
                record(new Finding(file, i + 1, m.group(1)), imported, takenNames);
            }
        }
        String[] docLines = text.javadoc().split("\n", -1);
        for (int i = 0; i < docLines.length; i++) {
            Matcher ref = JAVADOC_REFERENCE.matcher(docLines[i]);
            while (ref.find()) {
                Matcher m = QUALIFIED.matcher(ref.group(1));
                if (m.lookingAt()) {
                    record(new Finding(file, i + 1, m.group(1)), imported, takenNames);
                }
            }
        }
    }

    private void record(Finding finding, Set<String> imported, Set<String> takenNames) {
        String simple = simpleName(finding.name());
        boolean clash = takenNames.contains(simple) && !imported.contains(finding.name());
        (clash ? allowed : findings).add(finding);
    }

    private static String simpleName(String fqn) {
        return fqn.substring(fqn.lastIndexOf('.') + 1);
    }

    /**
     * Splits Java source into its code (literals and comments blanked) and its javadoc comments (everything else
     * blanked), both keeping every line break so that line numbers still hold.
     */
    record JavaText(String code, String javadoc) {
        static JavaText of(String source) {
            StringBuilder code = new StringBuilder(source.length());
            StringBuilder javadoc = new StringBuilder(source.length());
            int i = 0;
            int n = source.length();
            while (i < n) {
                int end;
                boolean isJavadoc = false;
                if (source.startsWith("\"\"\"", i)) {
                    end = indexAfter(source, "\"\"\"", i + 3);
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    end = endOfQuoted(source, i);
                } else if (source.startsWith("//", i)) {
                    int newline = source.indexOf('\n', i);
                    end = newline < 0 ? n : newline;
                } else if (source.startsWith("/*", i)) {
                    isJavadoc = source.startsWith("/**", i) && !source.startsWith("/**/", i);
                    end = indexAfter(source, "*/", i + 2);
                } else {
                    char c = source.charAt(i++);
                    code.append(c);
                    javadoc.append(c == '\n' ? '\n' : ' ');
                    continue;
                }
                blank(source, i, end, code);
                if (isJavadoc) {
                    javadoc.append(source, i, end);
                } else {
                    blank(source, i, end, javadoc);
                }
                i = end;
            }
            return new JavaText(code.toString(), javadoc.toString());
        }

        private static int endOfQuoted(String source, int start) {
            char quote = source.charAt(start);
            int j = start + 1;
            while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
                j += source.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, source.length());
        }

        private static int indexAfter(String source, String token, int from) {
            int at = source.indexOf(token, from);
            return at < 0 ? source.length() : at + token.length();
        }

        private static void blank(String source, int from, int to, StringBuilder out) {
            for (int k = from; k < to; k++) {
                out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            }
        }
    }
}
