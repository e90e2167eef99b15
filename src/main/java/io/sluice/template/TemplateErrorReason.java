package io.sluice.template;

/** Why a template failed; the name is stable and goes into the ExternalSecret's Ready condition. */
public enum TemplateErrorReason {
    /** The template does not parse (unterminated expression, bad section). */
    TemplateSyntaxError,
    /** The template reads a key that the fetched values (or a parsed object) do not have. */
    TemplateKeyNotFound,
    /** The template calls a function or property that does not exist. */
    TemplateUnknownFunction,
    /** A function rejected its input (bad base64, wrong PKCS#12 password, ...). */
    TemplateFunctionError,
    /** A Go template uses a construct outside the subset Sluice translates. */
    UnsupportedGoTemplate,
    /** A templateFrom ConfigMap or Secret, or one of its items, is missing. */
    TemplateSourceError,
    /** The rendered text cannot be used: KeysAndValues output that is not a map, binary labels. */
    TemplateOutputError,
    /** The template went past a bound: size, output size, nesting, loop steps, function output. */
    TemplateLimitExceeded
}
