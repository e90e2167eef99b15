package io.sluice.template;

/**
 * A template failed to render. The message names the template (e.g. {@code data[tls.crt]}), the
 * line and column where known, and the problem; it never contains a secret value.
 */
public class TemplateException extends RuntimeException {
    private final TemplateErrorReason reason;
    private final String template;

    public TemplateException(TemplateErrorReason reason, String template, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.template = template;
    }

    /** The stable reason for the status condition. */
    public String reason() {
        return reason.name();
    }

    public TemplateErrorReason reasonCode() {
        return reason;
    }

    /** Which template failed, e.g. {@code data[tls.crt]} or {@code templateFrom[0].configMap cm/key}. */
    public String template() {
        return template;
    }
}
