package io.sluice.template.gotemplate;

import io.sluice.template.functions.FunctionLibrary;
import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the common subset of ESO's Go templates ({@code {{ .key }}}, {@code index},
 * pipelines through the function library, if/else/end, range, variables, trim markers, comments)
 * to Qute. Line numbers are preserved so errors point at the original line. Anything else throws
 * {@link GoTemplateException} naming the construct.
 */
public final class GoTemplateTranslator {
    private static final Pattern DECLARATION = Pattern.compile("^\\$(\\w+)\\s*:=\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\$(\\w+)\\s*=([^=].*)$", Pattern.DOTALL);
    /** Any {@code $x = } in the source: such variables are declared as cells that can change. */
    private static final Pattern ASSIGNED_ANYWHERE = Pattern.compile("\\$(\\w+)\\s*=(?!=)");

    private static final Pattern RANGE_VARIABLES =
            Pattern.compile("^\\$(\\w+)\\s*(?:,\\s*\\$(\\w+)\\s*)?:=\\s*(.+)$", Pattern.DOTALL);
    private static final Set<String> UNSUPPORTED_KEYWORDS = Set.of("define", "template", "block", "break", "continue");

    private final FunctionLibrary library;

    public GoTemplateTranslator(FunctionLibrary library) {
        this.library = library;
    }

    public String translate(String source) {
        return new Translation().run(source);
    }

    private enum Kind {
        ROOT,
        IF,
        RANGE,
        WITH
    }

    private static final class Block implements QuteExpressionWriter.Scope {
        final Kind kind;
        final int line;
        final Block parent;
        String dot;
        final Map<String, String> variables = new HashMap<>();
        int openLets;

        Block(Kind kind, int line, Block parent, String dot) {
            this.kind = kind;
            this.line = line;
            this.parent = parent;
            this.dot = dot;
        }

        @Override
        public String dot() {
            return dot;
        }

        @Override
        public String variable(String name) {
            for (Block b = this; b != null; b = b.parent) {
                if (b.variables.containsKey(name)) {
                    return b.variables.get(name);
                }
            }
            return null;
        }

        @Override
        public boolean nested() {
            for (Block b = this; b != null; b = b.parent) {
                if (b.kind == Kind.RANGE || b.kind == Kind.WITH || b.openLets > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class Translation {
        private final StringBuilder out = new StringBuilder();
        private final Deque<Block> blocks = new ArrayDeque<>();
        private final Set<String> reassigned = new HashSet<>();
        private int ranges;

        String run(String source) {
            blocks.push(new Block(Kind.ROOT, 1, null, null));
            Matcher assigned = ASSIGNED_ANYWHERE.matcher(source);
            while (assigned.find()) {
                reassigned.add(assigned.group(1));
            }
            for (GoSegments.Segment segment : GoSegments.split(source)) {
                switch (segment) {
                    case GoSegments.Text text -> {
                        out.append(escapeText(text.text()));
                        keepNewlines(text.trimmedNewlines());
                    }
                    case GoSegments.Action action -> {
                        action(action.body(), action.line());
                        keepNewlines(action.newlines());
                    }
                }
            }
            Block last = blocks.peek();
            if (last.kind != Kind.ROOT) {
                throw GoTemplateException.syntax(
                        "{{ " + last.kind.name().toLowerCase() + " }} is never closed by {{ end }}", last.line);
            }
            closeLets(last);
            return out.toString();
        }

        private void action(String body, int line) {
            if (body.startsWith("/*")) {
                if (!body.endsWith("*/")) {
                    throw GoTemplateException.syntax("unclosed comment", line);
                }
                return;
            }
            String keyword = body.split("\\s+", 2)[0];
            String rest = body.substring(keyword.length()).strip();
            QuteExpressionWriter writer = new QuteExpressionWriter(library, line);
            Block block = blocks.peek();
            if (UNSUPPORTED_KEYWORDS.contains(keyword)) {
                throw GoTemplateException.unsupported("{{ " + keyword + " }}", line);
            }
            switch (keyword) {
                case "if" -> {
                    String condition = writer.condition(parse(rest, line), block);
                    out.append("{#if ").append(condition).append('}');
                    blocks.push(new Block(Kind.IF, line, block, block.dot));
                    checkNesting(line);
                }
                case "else" -> elseBranch(rest, line, writer);
                case "end" -> {
                    if (block.kind == Kind.ROOT) {
                        throw GoTemplateException.syntax("{{ end }} without if, range or with", line);
                    }
                    closeLets(block);
                    blocks.pop();
                    out.append(
                            switch (block.kind) {
                                case IF -> "{/if}";
                                case WITH -> "{/if}{/let}";
                                default -> "{/for}";
                            });
                }
                case "range" -> range(rest, line, writer, block);
                case "with" -> with(rest, line, writer, block);
                default -> statement(body, line, writer, block);
            }
        }

        private void elseBranch(String rest, int line, QuteExpressionWriter writer) {
            Block block = blocks.peek();
            if (block.kind == Kind.ROOT) {
                throw GoTemplateException.syntax("{{ else }} without if or range", line);
            }
            closeLets(block);
            block.variables.clear();
            if (block.kind == Kind.WITH) {
                block.dot = block.parent.dot;
            }
            if (rest.isEmpty()) {
                out.append("{#else}");
            } else if (rest.startsWith("if ") && block.kind == Kind.IF) {
                out.append("{#else if ")
                        .append(writer.condition(parse(rest.substring(3), line), block))
                        .append('}');
            } else {
                String word = rest.split("\\s+")[0];
                throw GoTemplateException.unsupported(
                        word.matches("\\w{1,32}") ? "{{ else " + word + " }}" : "this {{ else }}", line);
            }
        }

        /** Go's range visits entries (key, value): a map's in sorted key order, a list's (index, element). */
        private void range(String rest, int line, QuteExpressionWriter writer, Block block) {
            String item = "item" + (++ranges);
            Block body = new Block(Kind.RANGE, line, block, item + ".value");
            String pipeline = rest;
            Matcher vars = RANGE_VARIABLES.matcher(rest);
            if (vars.matches()) {
                pipeline = vars.group(3);
                if (vars.group(2) == null) {
                    body.variables.put(vars.group(1), item + ".value");
                } else {
                    body.variables.put(vars.group(1), item + ".key");
                    body.variables.put(vars.group(2), item + ".value");
                }
            }
            String list = writer.expression(parse(pipeline, line), block).text();
            out.append("{#for ")
                    .append(item)
                    .append(" in go:range(")
                    .append(list)
                    .append(")}");
            blocks.push(body);
            checkNesting(line);
        }

        /** {{ with X }}: X becomes the dot when it is not empty; the else branch keeps the outer dot. */
        private void with(String rest, int line, QuteExpressionWriter writer, Block block) {
            String value = "with" + (++ranges);
            Block body = new Block(Kind.WITH, line, block, value);
            String pipeline = rest;
            Matcher declaration = DECLARATION.matcher(rest);
            if (declaration.matches()) {
                pipeline = declaration.group(2);
                body.variables.put(declaration.group(1), value);
            }
            String expression = writer.expression(parse(pipeline, line), block).text();
            out.append("{#let ")
                    .append(value)
                    .append('=')
                    .append(expression)
                    .append("}{#if ")
                    .append(value)
                    .append('}');
            blocks.push(body);
            checkNesting(line);
        }

        private void statement(String body, int line, QuteExpressionWriter writer, Block block) {
            Matcher declaration = DECLARATION.matcher(body);
            if (declaration.matches()) {
                String name = "var_" + declaration.group(1);
                String value = writer.expression(parse(declaration.group(2), line), block)
                        .text();
                boolean cell = reassigned.contains(declaration.group(1));
                out.append("{#let ")
                        .append(name)
                        .append('=')
                        .append(cell ? "go:variable(" + value + ")" : value)
                        .append('}');
                block.openLets++;
                block.variables.put(declaration.group(1), cell ? name + ".value" : name);
                checkNesting(line);
                return;
            }
            Matcher assignment = ASSIGNMENT.matcher(body);
            if (assignment.matches()) {
                String target = block.variable(assignment.group(1));
                if (target == null || !target.equals("var_" + assignment.group(1) + ".value")) {
                    throw target == null
                            ? GoTemplateException.syntax(
                                    "undefined variable $" + GoTemplateException.name(assignment.group(1)), line)
                            : GoTemplateException.unsupported("assigning to a range or with variable", line);
                }
                String value = writer.expression(parse(assignment.group(2).strip(), line), block)
                        .text();
                out.append("{go:assign(var_")
                        .append(assignment.group(1))
                        .append(',')
                        .append(value)
                        .append(")}");
                return;
            }
            GoNode node = parse(body, line);
            if (node instanceof GoNode.Text text) {
                out.append(escapeText(text.value()));
            } else if (node instanceof GoNode.Constant constant
                    && !constant.token().startsWith("fn:")) {
                // printed as Go prints it: without the long suffix Qute needs inside an expression
                out.append(
                        constant.token().endsWith("L")
                                ? constant.token().substring(0, constant.token().length() - 1)
                                : constant.token());
            } else {
                out.append('{').append(writer.expression(node, block).text()).append('}');
            }
        }

        private GoNode parse(String pipeline, int line) {
            if (pipeline.isBlank()) {
                throw GoTemplateException.syntax("missing value", line);
            }
            return new GoActionParser(pipeline, line).pipeline();
        }

        /** Each if, range and variable declaration opens a Qute section that parsing and rendering recurse into. */
        private void checkNesting(int line) {
            int depth = -1;
            for (Block b : blocks) {
                depth += 1 + b.openLets;
            }
            if (depth > TemplateLimits.MAX_NESTING) {
                throw new TemplateLimitExceeded("if, range and variable declarations are nested more than "
                        + TemplateLimits.MAX_NESTING + " levels deep at line " + line);
            }
        }

        private void closeLets(Block block) {
            out.append("{/let}".repeat(block.openLets));
            block.openLets = 0;
        }

        private void keepNewlines(int count) {
            if (count > 0) {
                out.append("{!").append("\n".repeat(count)).append("!}");
            }
        }
    }

    /** Go text is literal; Qute would read '{' in it, so such runs go into unparsed sections {|...|}. */
    static String escapeText(String text) {
        if (text.indexOf('{') < 0 && text.indexOf('\\') < 0) {
            return text;
        }
        String[] pieces = text.split("\\|}", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                out.append("|}");
            }
            String piece = pieces[i];
            boolean needsSection = piece.indexOf('{') >= 0 || piece.indexOf('\\') >= 0;
            out.append(needsSection ? "{|" + piece + "|}" : piece);
        }
        return out.toString();
    }
}
