package io.sluice.template;

import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import io.sluice.values.ExtractionException;
import io.sluice.values.ValueDecoder;

/**
 * {@code templateFrom[].valuesDecodingStrategy}: ESO decodes each value a templateFrom entry renders, with the
 * rules of {@code remoteRef.decodingStrategy}, before it lands in data, labels or annotations. The error names
 * the template and the strategy, never the value or a rendered key (KeysAndValues keys come from the data).
 */
final class RenderedValueDecoding {
    private RenderedValueDecoding() {
    }

    static byte[] decode(DecodingStrategy strategy, String where, byte[] rendered) {
        try {
            return ValueDecoder.decode(strategy, where, rendered);
        } catch (ExtractionException.DecodingFailed notEncoded) {
            String alphabet = strategy == DecodingStrategy.Base64URL ? "URL-safe (-_)" : "standard (+/)";
            throw new TemplateException(TemplateErrorReason.TemplateOutputError, where, where
                    + ": valuesDecodingStrategy " + strategy + ": a rendered value is not " + alphabet
                    + " base64 padded to a multiple of 4 characters");
        }
    }
}
