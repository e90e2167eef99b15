package io.sluice.template.limits;

/**
 * The bounds every template render stays within, so that one hostile ExternalSecret cannot exhaust
 * the operator's memory, CPU or stack for every other tenant. Constants, not settings: each follows
 * from the Secret size limit or from what a real template needs, with wide margins.
 */
public final class TemplateLimits {
    /** Kubernetes refuses a Secret larger than 1 MiB, so no template or rendered output can usefully exceed it. */
    public static final int SECRET_LIMIT_BYTES = 1024 * 1024;
    /** A template source larger than a whole Secret is rejected before it is parsed. */
    public static final int MAX_TEMPLATE_BYTES = SECRET_LIMIT_BYTES;
    /** The rendered output of one template. */
    public static final int MAX_OUTPUT_BYTES = SECRET_LIMIT_BYTES;
    /** One function result (characters): nothing larger can end up in a Secret. */
    public static final int MAX_VALUE_CHARS = SECRET_LIMIT_BYTES;
    /**
     * All function results of one render together (characters). Bounds work that is computed and
     * thrown away, e.g. {@code indent} of a large value inside a loop whose output is discarded.
     */
    public static final long MAX_FUNCTION_OUTPUT_CHARS = 32L * SECRET_LIMIT_BYTES;
    /**
     * Loop work in one render: every iteration costs the number of template nodes in the loop body.
     * A loop over 10,000 keys with a 10-node body uses half of it; the whole budget renders in well
     * under a second, so a hostile template cannot keep a core busy.
     */
    public static final long MAX_LOOP_STEPS = 200_000;
    /**
     * Sections ({@code if}, {@code for}, {@code let}, ...) and parentheses nested in one another.
     * Parsing and rendering recurse once per level; real templates stay below 10.
     */
    public static final int MAX_NESTING = 100;

    private TemplateLimits() {}

    /** A size for messages: "1 MiB" rather than 1048576. */
    public static String describe(long size) {
        return size % SECRET_LIMIT_BYTES == 0 ? size / SECRET_LIMIT_BYTES + " MiB" : String.format("%,d", size);
    }
}
