package io.sluice.template.functions;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** filterPEM, filterCertChain, certSANs and join (to print certSANs' list). */
final class PemFunctions {
    private PemFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.two("filterPEM", "filterPEM TYPE VALUE", (type, v) -> filterPem(Args.text(type), Args.text(v)));
        library.two(
                "filterCertChain",
                "filterCertChain leaf|intermediate|root VALUE",
                (kind, v) -> filterCertChain(Args.text(kind), Args.text(v)));
        library.one("certSANs", "certSANs VALUE", v -> certSans(Args.text(v)));
        library.two("join", "join SEPARATOR LIST", (sep, list) -> join(Args.text(sep), list));
    }

    /**
     * ESO's filterPEM: text before the first BEGIN line is skipped; decoding stops at the first thing that is not a
     * block, and that is an error only when no block of the type was found before it.
     */
    static String filterPem(String type, String text) {
        int begin = text.indexOf("-----BEGIN");
        String rest = begin < 0 ? text : text.substring(begin);
        StringBuilder kept = new StringBuilder();
        Pem.Decoded decoded;
        while ((decoded = Pem.decode(rest)).block() != null) {
            rest = decoded.rest();
            if (decoded.block().type().equalsIgnoreCase(type)) {
                kept.append(Pem.encode(decoded.block()));
            }
        }
        if (kept.isEmpty() && !rest.isEmpty()) {
            throw new FunctionFailure("filterPEM", "found junk where a PEM block was expected");
        }
        return kept.toString();
    }

    /** ESO's filterCertChain: every block must be a certificate (a private key in the input fails it). */
    static String filterCertChain(String kind, String text) {
        if (!List.of("leaf", "intermediate", "root").contains(kind)) {
            throw new FunctionFailure("filterCertChain", "the type must be leaf, intermediate or root");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Pem.Block block : Pem.blocks(text)) {
            certs.add(KeyReader.certificate("filterCertChain", block.der()));
        }
        List<X509Certificate> ordered = CertChain.order("filterCertChain", certs);
        return switch (kind) {
            case "leaf" -> CertChain.isRoot(ordered.get(0)) ? "" : CertChain.pem("filterCertChain", ordered.get(0));
            case "intermediate" ->
                CertChain.pem(
                        "filterCertChain",
                        ordered.subList(Math.min(1, ordered.size()), ordered.size()).stream()
                                .takeWhile(c -> !CertChain.isRoot(c))
                                .toList());
            default ->
                CertChain.isRoot(ordered.get(ordered.size() - 1))
                        ? CertChain.pem("filterCertChain", ordered.get(ordered.size() - 1))
                        : "";
        };
    }

    /** DNS names, then IP addresses, e-mail addresses and URIs, like Go's x509 fields. */
    static List<String> certSans(String text) {
        X509Certificate cert = KeyReader.certificates("certSANs", text).get(0);
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new FunctionFailure("certSANs", "the subject alternative names cannot be parsed");
        }
        List<String> sans = new ArrayList<>();
        if (names != null) {
            for (int type : new int[] {2, 7, 1, 6}) {
                names.stream()
                        .filter(n -> ((Integer) n.get(0)) == type)
                        .map(n -> n.get(1).toString())
                        .forEach(sans::add);
            }
        }
        return sans;
    }

    private static String join(String separator, Object list) {
        if (list instanceof Collection<?> items) {
            return StringFunctions.join(
                    "join", separator, items.stream().map(Args::text).toList());
        }
        return Args.text(list);
    }
}
