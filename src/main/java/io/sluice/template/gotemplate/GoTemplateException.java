package io.sluice.template.gotemplate;

/** A Go template that cannot be translated: a syntax error, or a construct outside the subset. */
public class GoTemplateException extends RuntimeException {
    private final boolean unsupported;

    private GoTemplateException(String message, boolean unsupported) {
        super(message, null, false, false);
        this.unsupported = unsupported;
    }

    static GoTemplateException unsupported(String construct, int line) {
        return new GoTemplateException(
                "Go template construct " + construct + " at line " + line
                        + " is not supported by the translation; write this template in Qute"
                        + " (see docs/templating.md, \"Go templates\")",
                true);
    }

    static GoTemplateException syntax(String problem, int line) {
        return new GoTemplateException("Go template syntax error at line " + line + ": " + problem, false);
    }

    /**
     * A name taken from the template for a message: function names are short, so anything longer is
     * more likely text that was never meant as a name (a PEM line) and is not repeated.
     */
    static String name(String identifier) {
        return identifier.length() <= 32 ? identifier : "(a name longer than 32 characters)";
    }

    public boolean unsupported() {
        return unsupported;
    }
}
