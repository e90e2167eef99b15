package io.sluice.values;

import io.sluice.api.v1.ExternalSecretRewrite;

/** Builders for rewrite model objects in tests. */
final class Rewrites {

    private Rewrites() {}

    static ExternalSecretRewrite regexp(String source, String target) {
        ExternalSecretRewrite rewrite = new ExternalSecretRewrite();
        rewrite.regexp = new ExternalSecretRewrite.Regexp();
        rewrite.regexp.source = source;
        rewrite.regexp.target = target;
        return rewrite;
    }

    static ExternalSecretRewrite transform(String template) {
        ExternalSecretRewrite rewrite = new ExternalSecretRewrite();
        rewrite.transform = new ExternalSecretRewrite.Transform();
        rewrite.transform.template = template;
        return rewrite;
    }

    static ExternalSecretRewrite merge(String into) {
        ExternalSecretRewrite rewrite = new ExternalSecretRewrite();
        rewrite.merge = new ExternalSecretRewrite.Merge();
        rewrite.merge.into = into;
        return rewrite;
    }
}
