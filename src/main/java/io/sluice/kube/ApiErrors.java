package io.sluice.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one way a Kubernetes API error is shown in a condition, an Event or a log line: the HTTP code, the
 * reason, the kind and name of the object, and the field paths of a 422's causes.
 *
 * <p>The API server's message text is never kept: a 422 quotes the rejected value ({@code Invalid value:
 * "..."}), which can be a rendered secret, and {@link KubernetesClientException#getMessage()} embeds that text
 * too. A field subscript is kept only when it is a plain Secret key; anything else in brackets may be a rendered
 * key and is replaced by {@code [...]}.
 */
public final class ApiErrors {
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{1,64}");
    private static final Pattern OBJECT_NAME = Pattern.compile("[-a-z0-9.:]{1,253}");
    private static final Pattern SUBSCRIPT = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern PLAIN_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");
    private static final Pattern PATH =
            Pattern.compile("[-_a-zA-Z0-9]+(?:\\.[-_a-zA-Z0-9]+|\\[(?:[-._a-zA-Z0-9]+|\\.\\.\\.)\\])*");
    private static final int MAX_PATH = 200;
    private static final int MAX_CAUSES = 5;
    private static final String SLUICE_PACKAGE = "io.sluice.";

    private ApiErrors() {}

    /** E.g. {@code HTTP 422 Invalid: Secret app: metadata.labels (FieldValueInvalid)}. */
    public static String describe(KubernetesClientException e) {
        Status status = e.getStatus();
        int code = e.getCode() > 0 ? e.getCode() : status == null || status.getCode() == null ? 0 : status.getCode();
        if (code <= 0) {
            Throwable cause = e.getCause();
            return "no answer from the API server"
                    + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
        }
        StringBuilder text = new StringBuilder("HTTP ").append(code);
        if (status == null) {
            return text.toString();
        }
        if (status.getReason() != null && WORD.matcher(status.getReason()).matches()) {
            text.append(' ').append(status.getReason());
        }
        StatusDetails details = status.getDetails();
        if (details == null) {
            return text.toString();
        }
        String object = object(details);
        if (!object.isEmpty()) {
            text.append(": ").append(object);
        }
        String causes = causes(details.getCauses());
        if (!causes.isEmpty()) {
            text.append(": ").append(causes);
        }
        return text.toString();
    }

    /** A KubernetesClientException as {@link #describe}; any other exception by its own (Sluice-written) message. */
    public static String describe(RuntimeException e) {
        if (e instanceof KubernetesClientException kubernetes) {
            return describe(kubernetes);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Any error a reconcile did not expect, safe to show: a Kubernetes API error (also as the cause of another
     * exception) as {@link #describe(KubernetesClientException)}; an exception Sluice defines by its message,
     * which Sluice writes without values; anything else by its type alone, since a library's message can quote
     * its input (a parser's excerpt of a remote value, say).
     */
    public static String describeUnexpected(Throwable e) {
        if (e.getClass().getName().startsWith(SLUICE_PACKAGE) && e.getMessage() != null) {
            return e.getMessage();
        }
        KubernetesClientException kubernetes = kubernetesCause(e);
        return kubernetes != null
                ? "Kubernetes API error: " + describe(kubernetes)
                : "unexpected " + e.getClass().getSimpleName();
    }

    /** The Kubernetes API error that is {@code e} or caused it; null when there is none. */
    public static KubernetesClientException kubernetesCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException kubernetes) {
                return kubernetes;
            }
        }
        return null;
    }

    private static String object(StatusDetails details) {
        String kind =
                details.getKind() != null && WORD.matcher(details.getKind()).matches() ? details.getKind() : "";
        String name = details.getName() != null
                        && OBJECT_NAME.matcher(details.getName()).matches()
                ? details.getName()
                : "";
        return (kind + " " + name).trim();
    }

    private static String causes(List<StatusCause> causes) {
        if (causes == null || causes.isEmpty()) {
            return "";
        }
        Set<String> shown = new LinkedHashSet<>();
        for (StatusCause cause : causes) {
            String field = cause.getField() == null ? "" : path(cause.getField());
            String type =
                    cause.getReason() != null && WORD.matcher(cause.getReason()).matches() ? cause.getReason() : "";
            String one = field.isEmpty() ? type : type.isEmpty() ? field : field + " (" + type + ")";
            if (!one.isEmpty()) {
                shown.add(one);
            }
        }
        List<String> list = List.copyOf(shown);
        String joined = String.join(", ", list.subList(0, Math.min(MAX_CAUSES, list.size())));
        return list.size() > MAX_CAUSES ? joined + " and " + (list.size() - MAX_CAUSES) + " more" : joined;
    }

    /** The field path with every subscript that is not a plain Secret key replaced; empty when still unusual. */
    static String path(String field) {
        String masked = SUBSCRIPT
                .matcher(field)
                .replaceAll(m -> PLAIN_KEY.matcher(m.group(1)).matches() ? "[" + m.group(1) + "]" : "[...]");
        return masked.length() <= MAX_PATH && PATH.matcher(masked).matches() ? masked : "";
    }
}
