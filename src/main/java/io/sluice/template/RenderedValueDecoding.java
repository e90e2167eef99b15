package io.sluice.template;

import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import io.sluice.decoding.StrategyDecoder;

/**
 * {@code templateFrom[].valuesDecodingStrategy}: ESO decodes each value a templateFrom entry renders, with the
 * rules of {@code remoteRef.decodingStrategy} ({@link StrategyDecoder}), before it lands in data, labels or
 * annotations. The error names the template and the strategy, never the value or a rendered key
 * (KeysAndValues keys come from the data).
 */
final class RenderedValueDecoding {
    private RenderedValueDecoding() {}

    static byte[] decode(DecodingStrategy strategy, String where, byte[] rendered) {
        return StrategyDecoder.decode(strategy, rendered)
                .orElseThrow(() -> new TemplateException(
                        TemplateErrorReason.TemplateOutputError,
                        where,
                        where + ": valuesDecodingStrategy " + strategy
                                + ": a rendered value is not " + StrategyDecoder.alphabet(strategy)
                                + " base64 padded to a multiple of 4 characters"));
    }
}
